import "server-only";

import { rotateRefreshToken, type RotationRejection } from "./refresh/rotation.ts";
import { issueJwtCredential, type IssuedJwtCredential } from "./strategy.ts";

export type JwtRenewal = ({ ok: true; raced: boolean } & IssuedJwtCredential) | RotationRejection;

/**
 * Trade a refresh token for a new access token and the refresh token's successor. The
 * access token is minted from the user row as it is now, so a role change or a password
 * change shows up here — and, without a strict revocation check, not before.
 */
export async function renewJwtCredential(refreshToken: string, now: Date): Promise<JwtRenewal> {
  const rotation = await rotateRefreshToken(refreshToken, now);
  if (!rotation.ok) return rotation satisfies RotationRejection;
  const issued = await issueJwtCredential(
    { userId: rotation.user.id, role: rotation.user.role, tokenVersion: rotation.user.tokenVersion },
    rotation,
    now,
  );
  return { ok: true as const, raced: rotation.raced, ...issued };
}

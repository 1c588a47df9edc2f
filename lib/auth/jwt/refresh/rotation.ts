import "server-only";

import { getConfig } from "../../../env.ts";
import { roleSchema, type Role } from "../../../roles.ts";
import { endedNoticeForReason, type EndedNoticeCode } from "../../ended-notice.ts";
import type { Rejection } from "../../types.ts";
import { secretBytes } from "../keys/crypto-keys.ts";
import { decideRefresh } from "./rules.ts";
import { childRefreshSecret, looksLikeRefreshSecret, newRefreshSecret, refreshDerivationKey, refreshRowId } from "./secret.ts";
import { revokeFamilyAccessTokens } from "../revocation/denylist.ts";
import { createFamily, findRefresh, markRefreshUsed, revokeFamily, storeRefreshToken } from "./store.ts";

/** Refresh-token families: issue at login, rotate on every use, revoke the family on reuse. */

export interface IssuedRefresh {
  refreshToken: string;
  familyId: string;
  familyExpiresAt: Date;
}

export async function issueRefreshFamily(userId: string, now: Date): Promise<IssuedRefresh> {
  const refreshToken = newRefreshSecret();
  const familyExpiresAt = new Date(now.getTime() + getConfig().JWT_REFRESH_TTL_SECONDS * 1000);
  const familyId = await createFamily({ userId, firstTokenId: refreshRowId(refreshToken), now, expiresAt: familyExpiresAt });
  return { refreshToken, familyId, familyExpiresAt };
}

/** A refusal says, where the family recorded it, why the login ended: the holder may learn that. */
export type RotationRejection = Rejection & { endedNotice?: EndedNoticeCode };

export type Rotation =
  | ({ ok: true; user: { id: string; role: Role; tokenVersion: number }; raced: boolean } & IssuedRefresh)
  | RotationRejection;

const derivationKeys = new Map<string, Uint8Array>();
function successorOf(secret: string): string {
  const jwtSecret = getConfig().JWT_SECRET;
  let key = derivationKeys.get(jwtSecret);
  if (!key) derivationKeys.set(jwtSecret, (key = refreshDerivationKey(secretBytes(jwtSecret))));
  return childRefreshSecret(secret, key);
}

export async function rotateRefreshToken(secret: string, now: Date): Promise<Rotation> {
  if (!looksLikeRefreshSecret(secret)) return { ok: false, code: "refresh_malformed", message: "Not a refresh token of ours." };
  const record = await findRefresh(refreshRowId(secret));
  if (!record) return { ok: false, code: "refresh_unknown", message: "Unknown refresh token." };

  const decision = decideRefresh(record, now, { reuseGraceSeconds: getConfig().REFRESH_REUSE_GRACE_SECONDS });
  if (decision.action === "reject") {
    const reason = decision.code === "refresh_revoked" ? record.family.revokedReason : decision.code;
    return { ok: false, code: decision.code, message: decision.message, endedNotice: endedNoticeForReason(reason) ?? undefined };
  }
  if (decision.action === "reuse") {
    await endFamily(record.familyId, "reuse_detected", now);
    return { ok: false, code: "refresh_reused", message: "This refresh token was already used; the whole login was revoked.", endedNotice: "reuse_detected" };
  }

  const child = successorOf(secret);
  await storeRefreshToken(refreshRowId(child), record.familyId, now);
  // Losing the race to mark it used means another request rotated it this very moment:
  // it derived the same child, so answering with it keeps one live chain.
  const won = decision.action === "rotate" && (await markRefreshUsed(record.id, now));
  const role = roleSchema.safeParse(record.user.role);
  return {
    ok: true,
    raced: !won,
    refreshToken: child,
    familyId: record.familyId,
    familyExpiresAt: record.family.expiresAt,
    user: { id: record.user.id, role: role.success ? role.data : "user", tokenVersion: record.user.tokenVersion },
  };
}

/** Logout: end the family named by the access token's `fid`, or the one the refresh token belongs to. */
export async function revokeLogin(input: { familyId?: string; refreshToken?: string }, now: Date): Promise<void> {
  let familyId = input.familyId;
  if (!familyId && input.refreshToken && looksLikeRefreshSecret(input.refreshToken)) {
    familyId = (await findRefresh(refreshRowId(input.refreshToken)))?.familyId;
  }
  if (familyId) await endFamily(familyId, "logout", now);
}

/**
 * A family's refresh tokens end with its row; its access tokens end through the denylist,
 * by `fid`. Without that, a refresh that read the family a moment before a logout revoked it
 * hands out a fresh access token (a new jti the logout never saw) that works until its exp —
 * found by the concurrency suite, 200 races out of 200.
 */
async function endFamily(familyId: string, reason: string, now: Date): Promise<void> {
  await revokeFamily(familyId, reason, now);
  await revokeFamilyAccessTokens(familyId, now);
}

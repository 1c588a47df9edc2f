import "server-only";

import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { getConfig } from "../env.ts";
import { currentSigningKey } from "./jwt/access-keys.ts";
import { ACCESS_TOKEN_TYPE } from "./jwt/token.ts";
import type { Principal } from "./types.ts";

/**
 * "Use both" (the hybrid the seeds advise): a logged-in session, checked against its row by
 * the DAL, buys a short-lived token that only the downstream service accepts. The session
 * stays the revocable credential in the browser; the token is a bearer ticket for one hop,
 * short enough (≤ 60 s) that not being able to revoke it does not matter.
 * The signing keys are the app's, not JWT mode's, which is why this lives beside the modes.
 */

export const SERVICE_TOKEN_TTL_SECONDS = 60;

export type ServiceTokenResult =
  | { ok: true; token: string; expiresAt: Date }
  | { ok: false; code: "eddsa_required"; message: string };

export async function mintServiceToken(principal: Principal, now: Date): Promise<ServiceTokenResult> {
  const config = getConfig();
  // With HS256 the downstream would need the signing secret: exactly what this is meant to avoid.
  if (config.JWT_ALG !== "EdDSA") {
    return { ok: false, code: "eddsa_required", message: "Tokens for the downstream service need JWT_ALG=EdDSA (its JWKS is empty under HS256)." };
  }
  const { kid, alg, key } = await currentSigningKey(now);
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + SERVICE_TOKEN_TTL_SECONDS;
  // Minimal claims (RFC 8725 §3.11 asks for a distinct audience per recipient): who, in which
  // role, minted from which mode; nothing that would let the app itself accept it.
  const token = await new SignJWT({ role: principal.role, src: principal.mode })
    .setProtectedHeader({ alg, typ: ACCESS_TOKEN_TYPE, ...(kid ? { kid } : {}) })
    .setSubject(principal.userId)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setIssuer(config.JWT_ISSUER)
    .setAudience(config.DOWNSTREAM_AUDIENCE)
    .sign(key);
  return { ok: true, token, expiresAt: new Date(exp * 1000) };
}

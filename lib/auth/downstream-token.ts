import "server-only";

import { randomUUID } from "node:crypto";
import { getConfig } from "../env.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS, type DownstreamClaims } from "../downstream/token-kind.ts";
import { currentSigningKey } from "./jwt/verify/access-keys.ts";
import { signClaims } from "./jwt/token/token.ts";
import type { Principal, Rejection } from "./types.ts";

/**
 * The token exchange (RFC 8693 in spirit): a credential of either mode, just checked by its
 * strategy's `verifyForExchange` (revocation included, nothing cached, never failing open), buys
 * a short-lived token whose only audience is the downstream service. The app's own credential
 * never leaves for another service, and the app refuses what it mints here (wrong audience): a
 * token that leaks on either side is worthless on the other. Not being able to revoke it is the
 * price, bounded by its life: at most DOWNSTREAM_TOKEN_MAX_SECONDS, and never past the
 * credential that bought it. The signing keys are the app's, not a mode's: hence beside the modes.
 */

export type DownstreamTokenResult = { ok: true; token: string; claims: DownstreamClaims; expiresAt: Date } | Rejection;

export async function mintDownstreamToken(principal: Principal, now: Date): Promise<DownstreamTokenResult> {
  const config = getConfig();
  // With HS256 the downstream would need the signing secret: exactly what this is meant to avoid.
  if (config.JWT_ALG !== "EdDSA") {
    return { ok: false, code: "eddsa_required", message: "Tokens for the downstream service need JWT_ALG=EdDSA (its JWKS is empty under HS256).", status: 501 };
  }
  const ver = principal.handles.tokenVersion;
  // Every strategy names the user's token version: a principal without one is a bug, not a request problem.
  if (ver === undefined) throw new Error(`[auth] token_version_missing: the ${principal.mode} principal names no token version`);
  const iat = Math.floor(now.getTime() / 1000);
  const exp = Math.min(iat + DOWNSTREAM_TOKEN_MAX_SECONDS, Math.floor(principal.expiresAt.getTime() / 1000));
  if (exp <= iat) return { ok: false, code: "credential_expiring", message: "The credential expires within a second: refresh it, then exchange the new one." };
  // Minimal claims (RFC 8725 §3.11: a distinct audience per recipient): who, in which role, at
  // which token version, bought from which mode; nothing that would let the app accept it.
  const claims: DownstreamClaims = {
    sub: principal.userId,
    role: principal.role,
    ver,
    src: principal.mode,
    jti: randomUUID(),
    iat,
    exp,
    iss: config.JWT_ISSUER,
    aud: config.DOWNSTREAM_AUDIENCE,
  };
  const token = await signClaims(claims, await currentSigningKey(now));
  return { ok: true, token, claims, expiresAt: new Date(exp * 1000) };
}

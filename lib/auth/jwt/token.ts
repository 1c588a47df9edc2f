import "server-only";

import { randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { roleSchema, type Role } from "../../roles.ts";
import type { Rejection } from "../types.ts";
import { chooseVerificationKey } from "./token-header.ts";

export { chooseVerificationKey, readTokenHeader, type KeyChoice, type TokenHeader } from "./token-header.ts";

/**
 * Access tokens: sign and verify, values in and values out (no cookies, no database, no
 * environment), so proxy.ts, the DAL, the labs and the tests all share it. Everything a
 * verifier could be talked out of is pinned: the key (by `kid`, from an allowlist the caller
 * passes in), its algorithm, issuer, audience, `typ` (RFC 9068's "at+jwt"), a required `exp`,
 * and the token's age (RFC 8725 §3.10: bound what a stolen key or clock bug can mint).
 */

export const ACCESS_TOKEN_TYPE = "at+jwt";
export const SIGNING_ALGORITHMS = ["EdDSA", "HS256"] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

/** One key of the allowlist: `kid` null only for the single HS256 key (its tokens carry none). */
export interface TokenKey {
  kid: string | null;
  alg: SigningAlgorithm;
  key: CryptoKey;
}

export interface TokenRules {
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
  /** The configured access-token lifetime: a token claiming longer was not minted by us. */
  maxLifetimeSeconds: number;
}

export const accessClaimsSchema = z.object({
  sub: z.string().min(1),
  role: roleSchema,
  jti: z.string().min(1),
  /** The user's token version at issue time (see User.tokenVersion). */
  ver: z.number().int().nonnegative(),
  /** The refresh family this token was issued under: what logout revokes. Not personal data. */
  fid: z.string().optional(),
  iat: z.number(),
  exp: z.number(),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

export interface AccessTokenSubject {
  userId: string;
  role: Role;
  tokenVersion: number;
  familyId?: string;
}

export interface SignSettings {
  signingKey: TokenKey;
  issuer: string;
  /** An array when the token is meant for more than one recipient (the app + the downstream). */
  audience: string | string[];
  ttlSeconds: number;
  now: Date;
}

export async function signAccessToken(subject: AccessTokenSubject, settings: SignSettings): Promise<{ token: string; claims: AccessClaims }> {
  const iat = Math.floor(settings.now.getTime() / 1000);
  const claims: AccessClaims = {
    sub: subject.userId,
    role: subject.role,
    ver: subject.tokenVersion,
    ...(subject.familyId ? { fid: subject.familyId } : {}),
    jti: randomUUID(),
    iat,
    exp: iat + settings.ttlSeconds,
    iss: settings.issuer,
    aud: settings.audience,
  };
  const { kid, alg, key } = settings.signingKey;
  const token = await new SignJWT({ role: claims.role, ver: claims.ver, ...(claims.fid ? { fid: claims.fid } : {}) })
    .setProtectedHeader({ alg, typ: ACCESS_TOKEN_TYPE, ...(kid ? { kid } : {}) })
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp)
    .setIssuer(claims.iss)
    .setAudience(settings.audience)
    .sign(key);
  return { token, claims };
}

export type VerifyTokenResult = { ok: true; claims: AccessClaims; kid: string | null } | Rejection;

export async function verifyAccessToken(
  token: string,
  settings: TokenRules & { keys: readonly TokenKey[]; now: Date },
): Promise<VerifyTokenResult> {
  const choice = chooseVerificationKey(token, settings.keys);
  if (!choice.ok) return choice;
  const { key } = choice;
  try {
    const { payload } = await jwtVerify(token, key.key, {
      algorithms: [key.alg],
      issuer: settings.issuer,
      audience: settings.audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ["exp", "iat", "jti", "sub"],
      clockTolerance: settings.clockSkewSeconds,
      currentDate: settings.now,
    });
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) return reject("token_claims_invalid", "The token's claims are not the ones this app issues.");
    const bounds = checkTokenAge(claims.data, settings);
    return bounds ?? { ok: true, claims: claims.data, kid: key.kid };
  } catch (error) {
    return explainJoseError(error, key.alg);
  }
}

/** RFC 8725 §3: a token from the future or with a lifetime we never issue is not ours. */
export function checkTokenAge(claims: Pick<AccessClaims, "iat" | "exp">, rules: Pick<TokenRules, "clockSkewSeconds" | "maxLifetimeSeconds"> & { now: Date }): Rejection | null {
  const nowSeconds = rules.now.getTime() / 1000;
  if (claims.iat > nowSeconds + rules.clockSkewSeconds) return reject("token_issued_in_future", "The token's iat is beyond the allowed clock skew.");
  if (claims.exp - claims.iat > rules.maxLifetimeSeconds) {
    return reject("token_lifetime_too_long", "The token claims a longer life (exp - iat) than this app's access-token lifetime.");
  }
  return null;
}

function reject(code: string, message: string): Rejection {
  return { ok: false, code, message };
}

/** jose's errors, mapped to stable codes; its own text never reaches a response. */
export function explainJoseError(error: unknown, pinned: SigningAlgorithm = "HS256"): Rejection {
  if (error instanceof errors.JWTExpired) return reject("token_expired", "The token's exp is in the past.");
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (error.reason === "missing") return reject(`token_missing_${claim}`, `The token has no "${claim}" claim.`);
    if (claim === "nbf" || claim === "iat") return reject("token_not_yet_valid", `The token's ${claim} is in the future.`);
    return reject(`token_wrong_${claim}`, `The token's "${claim}" is not what this app requires.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return reject("token_bad_signature", "The signature does not match: altered, or signed with another key.");
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return reject("token_alg_not_allowed", `Only ${pinned} is accepted for this key.`);
  if (error instanceof errors.JOSEError) return reject("token_malformed", "Not a well-formed signed JWT.");
  throw error;
}

import "server-only";

import { randomUUID } from "node:crypto";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { roleSchema, type Role } from "../../roles.ts";
import type { Rejection } from "../types.ts";

/**
 * Access tokens: sign and verify, values in and values out (no cookies, no database).
 * Everything a verifier could be talked out of is pinned: algorithm, issuer, audience,
 * `typ` (RFC 9068's "at+jwt", so no other JWT of ours can stand in) and a required `exp`.
 */

export const ACCESS_TOKEN_TYPE = "at+jwt";
const ALGORITHM = "HS256";
/** A real access token of ours is ~350 bytes; refuse to parse anything absurd. */
const MAX_TOKEN_LENGTH = 4096;

export interface TokenSettings {
  key: CryptoKey | Uint8Array;
  issuer: string;
  audience: string;
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

export async function signAccessToken(
  subject: AccessTokenSubject,
  settings: TokenSettings & { ttlSeconds: number; now: Date },
): Promise<{ token: string; claims: AccessClaims }> {
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
  const token = await new SignJWT({ role: claims.role, ver: claims.ver, ...(claims.fid ? { fid: claims.fid } : {}) })
    .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TOKEN_TYPE })
    .setSubject(claims.sub)
    .setJti(claims.jti)
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp)
    .setIssuer(claims.iss)
    .setAudience(settings.audience)
    .sign(settings.key);
  return { token, claims };
}

export type VerifyTokenResult = { ok: true; claims: AccessClaims } | Rejection;

export async function verifyAccessToken(
  token: string,
  settings: TokenSettings & { clockSkewSeconds: number; now: Date },
): Promise<VerifyTokenResult> {
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return reject("token_malformed", "Not a token of a plausible size.");
  try {
    const { payload } = await jwtVerify(token, settings.key, {
      algorithms: [ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ["exp", "iat", "jti", "sub"],
      clockTolerance: settings.clockSkewSeconds,
      currentDate: settings.now,
    });
    const claims = accessClaimsSchema.safeParse(payload);
    if (!claims.success) return reject("token_claims_invalid", "The token's claims are not the ones this app issues.");
    return { ok: true, claims: claims.data };
  } catch (error) {
    return explainJoseError(error);
  }
}

function reject(code: string, message: string): Rejection {
  return { ok: false, code, message };
}

/** jose's errors, mapped to stable codes; its own text never reaches a response. */
export function explainJoseError(error: unknown): Rejection {
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
  if (error instanceof errors.JOSEAlgNotAllowed) return reject("token_alg_not_allowed", "Only HS256 is accepted.");
  if (error instanceof errors.JOSEError) return reject("token_malformed", "Not a well-formed signed JWT.");
  throw error;
}

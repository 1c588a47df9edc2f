import { randomUUID } from "node:crypto";
import { z } from "zod";
import { SignJWT } from "jose";
import type { Role } from "../../../roles.ts";
import type { Rejection } from "../../types.ts";
import { ACCESS_TOKEN_TYPE, BASE_REQUIRED_CLAIMS, baseClaimsSchema, verifyUnderPolicy, type BaseClaims, type KeyResolver, type RecipientRules } from "./policy.ts";
import { chooseFromAllowlist, type TokenKey } from "./header.ts";

export { ACCESS_TOKEN_TYPE, checkTokenAge, explainJoseError } from "./policy.ts";
export { chooseVerificationKey, readTokenHeader, SIGNING_ALGORITHMS, type KeyChoice, type SigningAlgorithm, type TokenHeader, type TokenKey } from "./header.ts";

/**
 * The app's own access tokens: sign and verify, values in and values out (no cookies, no
 * database, no environment), so proxy.ts, the DAL, the labs and the tests all share it. Verifying
 * is the shared policy (policy.ts) with this app's audience, lifetime and claim set; the key comes
 * from an allowlist the caller passes in (by `kid`).
 */

/** The rules the app applies to its own access tokens (verify/config.ts fills them from env). */
export type TokenRules = RecipientRules;

export const accessClaimsSchema = baseClaimsSchema.extend({
  /** The refresh family this token was issued under: what logout revokes. Not personal data. */
  fid: z.string().optional(),
});
export type AccessClaims = z.infer<typeof accessClaimsSchema>;

const accessTokenKind = { claims: accessClaimsSchema, requiredClaims: BASE_REQUIRED_CLAIMS };

export interface AccessTokenSubject {
  userId: string;
  role: Role;
  tokenVersion: number;
  familyId?: string;
}

export interface SignSettings {
  signingKey: TokenKey;
  issuer: string;
  /** One recipient: a token for the app is worthless at the downstream service, and the reverse. */
  audience: string;
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
  return { token: await signClaims(claims, settings.signingKey), claims };
}

/** Any kind of our tokens, with the header every recipient requires (typ, alg, kid). */
export async function signClaims(claims: BaseClaims & Record<string, unknown>, signingKey: TokenKey): Promise<string> {
  const { kid, alg, key } = signingKey;
  const { sub, jti, iat, exp, iss, aud, ...rest } = claims;
  return new SignJWT(rest)
    .setProtectedHeader({ alg, typ: ACCESS_TOKEN_TYPE, ...(kid ? { kid } : {}) })
    .setSubject(sub)
    .setJti(jti)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setIssuer(iss)
    .setAudience(aud)
    .sign(key);
}

export type VerifyTokenResult = { ok: true; claims: AccessClaims; kid: string | null } | Rejection;

export async function verifyAccessToken(
  token: string,
  settings: TokenRules & { keys: readonly TokenKey[]; now: Date },
): Promise<VerifyTokenResult> {
  return verifyAccessTokenWith(token, (header) => chooseFromAllowlist(header, settings.keys), settings, settings.now);
}

/** The same, with the key found some other way (the key-rotation lab's JWKS-only verifier). */
export function verifyAccessTokenWith(token: string, resolveKey: KeyResolver, rules: TokenRules, now: Date): Promise<VerifyTokenResult> {
  return verifyUnderPolicy(token, resolveKey, { ...rules, ...accessTokenKind }, now);
}

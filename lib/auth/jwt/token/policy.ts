import { errors, jwtVerify } from "jose";
import { z } from "zod";
import { roleSchema } from "../../../roles.ts";
import type { Rejection } from "../../types.ts";
import { readTokenHeader, type KeyChoice, type ReadableHeader, type SigningAlgorithm } from "./header.ts";

/**
 * The one verification policy for every recipient of this app's tokens: the app itself
 * (token.ts) and the downstream service (lib/downstream/verify.ts) run this same function, so
 * neither can quietly check less than the other (RFC 8725 §3, RFC 9068 §4). Values in, values
 * out: no database, no environment, no framework — proxy.ts and a service without a database
 * both reach it (lib/auth/proxy-imports.test.ts walks the graph).
 *
 * What a recipient brings is its own: its audience, the lifetime it accepts, the claims of the
 * kind of token meant for it, and how it finds a key (an allowlist, a JWKS). The rest is one rule:
 * - the header names no key of its own (jku, x5u, jwk, x5c: refused, never followed, §3.10);
 * - the algorithm is the key's, never the header's choice (§3.1: no algorithm confusion);
 * - `iss`, `typ: at+jwt`, and `aud` naming this recipient and nobody else (§3.9, §3.11: a token
 *   meant for one recipient is worthless at another, so one that leaks there buys nothing);
 * - required claims, each missing one with its own code;
 * - `iat` no further ahead than the clock skew and `exp − iat` no longer than the recipient
 *   accepts: a leaked key or a clock bug cannot mint long-lived tokens that we would honour.
 */

export const ACCESS_TOKEN_TYPE = "at+jwt";

/** What one recipient accepts. */
export interface RecipientRules {
  issuer: string;
  /** This recipient's own audience: the token must name it, and only it. */
  audience: string;
  clockSkewSeconds: number;
  /** The longest life (exp − iat) this recipient's tokens are minted with. */
  maxLifetimeSeconds: number;
}

/** Claims every token of this app carries, whoever it is meant for. */
export const baseClaimsSchema = z.object({
  sub: z.string().min(1),
  role: roleSchema,
  jti: z.string().min(1),
  /** The user's token version at issue time (see User.tokenVersion). */
  ver: z.number().int().nonnegative(),
  iat: z.number(),
  exp: z.number(),
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
});
export type BaseClaims = z.infer<typeof baseClaimsSchema>;

/** Checked by presence first, so a missing one is named (`token_missing_ver`), not just "invalid". */
export const BASE_REQUIRED_CLAIMS = ["iss", "aud", "sub", "jti", "iat", "exp", "ver", "role"] as const;

/** A kind of token: its claim set and which of its claims must be present. */
export interface TokenKind<C extends BaseClaims> {
  claims: z.ZodType<C>;
  requiredClaims: readonly string[];
}

export type PolicyResult<C> = { ok: true; claims: C; kid: string | null } | Rejection;

/** Finds the key the header names: from an allowlist (the app) or a trusted JWKS (downstream). */
export type KeyResolver = (header: ReadableHeader, token: string) => KeyChoice | Promise<KeyChoice>;

export async function verifyUnderPolicy<C extends BaseClaims>(
  token: string,
  resolveKey: KeyResolver,
  policy: RecipientRules & TokenKind<C>,
  now: Date,
): Promise<PolicyResult<C>> {
  const header = readTokenHeader(token);
  if (!header.ok) return header;
  const choice = await resolveKey(header, token);
  if (!choice.ok) return choice;
  const { key } = choice;
  try {
    const { payload } = await jwtVerify(token, key.key, {
      algorithms: [key.alg],
      issuer: policy.issuer,
      audience: policy.audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: [...policy.requiredClaims],
      clockTolerance: policy.clockSkewSeconds,
      currentDate: now,
    });
    // jose accepts a token when any of its audiences matches; one meant for several recipients
    // is accepted by none of them.
    if (!namesOnly(payload.aud, policy.audience)) return wrongAudience;
    const claims = policy.claims.safeParse(payload);
    if (!claims.success) return reject("token_claims_invalid", "The token's claims are not the ones this app issues.");
    return checkTokenAge(claims.data, { ...policy, now }) ?? { ok: true, claims: claims.data, kid: key.kid };
  } catch (error) {
    // "Is this token meant for me?" comes first: a token for another recipient is refused as
    // that, not for a claim that kind of token lacks. (jose checks claims after the signature,
    // so the payload it hands back is authentic.)
    const aud = error instanceof errors.JWTClaimValidationFailed ? error.payload.aud : undefined;
    if (aud !== undefined && !namesOnly(aud, policy.audience)) return wrongAudience;
    return explainJoseError(error, key.alg);
  }
}

const wrongAudience = reject("token_wrong_aud", "The token is not meant for this recipient alone: each accepts only tokens minted for it.");

function namesOnly(aud: unknown, audience: string): boolean {
  return aud === audience || (Array.isArray(aud) && aud.length === 1 && aud[0] === audience);
}

/** RFC 8725 §3: a token from the future or with a lifetime we never issue is not ours. */
export function checkTokenAge(claims: Pick<BaseClaims, "iat" | "exp">, rules: Pick<RecipientRules, "clockSkewSeconds" | "maxLifetimeSeconds"> & { now: Date }): Rejection | null {
  const nowSeconds = rules.now.getTime() / 1000;
  if (claims.iat > nowSeconds + rules.clockSkewSeconds) return reject("token_issued_in_future", "The token's iat is beyond the allowed clock skew.");
  if (claims.exp - claims.iat > rules.maxLifetimeSeconds) {
    return reject("token_lifetime_too_long", `The token claims a longer life (exp - iat) than the ${rules.maxLifetimeSeconds} s this recipient accepts.`);
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
    return reject(`token_wrong_${claim}`, `The token's "${claim}" is not what this recipient requires.`);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return reject("token_bad_signature", "The signature does not match: altered, or signed with another key.");
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return reject("token_alg_not_allowed", `Only ${pinned} is accepted for this key.`);
  if (error instanceof errors.JOSEError) return reject("token_malformed", "Not a well-formed signed JWT.");
  throw error;
}

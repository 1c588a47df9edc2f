import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from "jose";
import { ACCESS_TOKEN_TYPE, explainJoseError, readTokenHeader } from "../auth/jwt/token.ts";
import type { Rejection } from "../auth/types.ts";

/**
 * What the downstream service checks: an EdDSA signature by a key from the JWKS it was told to
 * trust, iss, its own audience, typ at+jwt and exp. It knows nothing that changed after issue
 * (logout, role change): that is the point the labs make.
 */

export interface DownstreamRules {
  issuer: string;
  audience: string;
  clockSkewSeconds: number;
}

export type DownstreamVerdict = { ok: true; claims: JWTPayload } | Rejection;

/**
 * jose's remote key set, cached for the JWKS max-age and refetched at once on an unknown kid
 * (with a cooldown, so junk kids cannot make it hammer the app). If a refetch fails, the last
 * set it fetched keeps serving: the app (or its database) being down must not stop this
 * service from checking tokens it already has the keys for.
 */
export function remoteKeySet(jwksUrl: string, cacheMaxAgeMs = 60_000): JWTVerifyGetKey {
  const remote = createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: cacheMaxAgeMs, cooldownDuration: 5_000, timeoutDuration: 3_000 });
  return async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      const lastFetched = remote.jwks();
      const unreachable = !(error instanceof errors.JWKSNoMatchingKey) && !(error instanceof errors.JWKSMultipleMatchingKeys);
      if (unreachable && lastFetched) {
        console.warn(`[downstream] jwks_refresh_failed: ${error instanceof Error ? error.message : String(error)}; using the last fetched key set`);
        return createLocalJWKSet(lastFetched as JSONWebKeySet)(header, token);
      }
      throw error;
    }
  };
}

export async function verifyDownstreamToken(token: string, getKey: JWTVerifyGetKey, rules: DownstreamRules, now: Date): Promise<DownstreamVerdict> {
  // The same header rules as the app: jku/x5u/jwk/x5c refused (never followed), a kid required;
  // which kids are allowed is the trusted JWKS's answer.
  const header = readTokenHeader(token);
  if (!header.ok) return header;
  if (header.kid === null) return { ok: false, code: "token_missing_kid", message: "The token names no key (kid)." };
  try {
    const { payload } = await jwtVerify(token, getKey, {
      algorithms: ["EdDSA"],
      issuer: rules.issuer,
      audience: rules.audience,
      typ: ACCESS_TOKEN_TYPE,
      requiredClaims: ["exp", "iat", "sub", "jti"],
      clockTolerance: rules.clockSkewSeconds,
      currentDate: now,
    });
    return { ok: true, claims: payload };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return { ok: false, code: "token_unknown_kid", message: "No key in the trusted JWKS has this kid." };
    if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
      return { ok: false, code: "jwks_unavailable", message: "The trusted JWKS could not be fetched, and no earlier copy is cached." };
    }
    if (error instanceof errors.JOSEError) return explainJoseError(error, "EdDSA");
    if (error instanceof TypeError || (error instanceof Error && /fetch|ECONNREFUSED/i.test(error.message))) {
      return { ok: false, code: "jwks_unavailable", message: "The trusted JWKS could not be fetched, and no earlier copy is cached." };
    }
    throw error;
  }
}

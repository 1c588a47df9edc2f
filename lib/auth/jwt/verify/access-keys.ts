import "server-only";

import { getConfig } from "../../../env.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS, downstreamTokenKind, type DownstreamClaims } from "../../../downstream/token-kind.ts";
import { activeSigningKey, reloadForUnknownKid, verificationKeys } from "../keys/key-set.ts";
import { verifyUnderPolicy, type PolicyResult } from "../token/policy.ts";
import { chooseFromAllowlist } from "../token/header.ts";
import type { SignSettings, TokenKey, VerifyTokenResult } from "../token/token.ts";
import { hmacTokenKey, verifyAccessTokenWithKeys } from "./config.ts";

/**
 * The authoritative verify and the signing key, for whichever JWT_ALG is configured. EdDSA
 * reads the key set from the database (through keys/key-set.ts's cache): the proxy never imports this.
 */

export async function verifyAccessTokenAuthoritatively(token: string, now: Date): Promise<VerifyTokenResult> {
  if (getConfig().JWT_ALG === "HS256") return verifyAccessTokenWithKeys(token, [await hmacTokenKey()], now);
  const result = await verifyAccessTokenWithKeys(token, await verificationKeys(now), now);
  // A kid we do not know may be a key another instance just created: re-read once, then decide.
  if (!result.ok && result.code === "token_unknown_kid" && (await reloadForUnknownKid(now))) {
    return verifyAccessTokenWithKeys(token, await verificationKeys(now), now);
  }
  return result;
}

/**
 * A downstream token checked exactly as the downstream service checks it (the shared policy,
 * its audience, its 60 s lifetime), with this app's key set standing in for the JWKS: the labs'
 * in-app stand-in for that service (GET /api/downstream/jwt).
 */
export async function verifyDownstreamTokenWithAppKeys(token: string, now: Date): Promise<PolicyResult<DownstreamClaims>> {
  const config = getConfig();
  const keys = config.JWT_ALG === "HS256" ? [await hmacTokenKey()] : await verificationKeys(now);
  const rules = { issuer: config.JWT_ISSUER, audience: config.DOWNSTREAM_AUDIENCE, clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS, maxLifetimeSeconds: DOWNSTREAM_TOKEN_MAX_SECONDS };
  return verifyUnderPolicy(token, (header) => chooseFromAllowlist(header, keys), { ...rules, ...downstreamTokenKind }, now);
}

export async function currentSigningKey(now: Date): Promise<TokenKey> {
  return getConfig().JWT_ALG === "HS256" ? hmacTokenKey() : activeSigningKey(now);
}

/**
 * Settings for an access token of this app: its audience is this app alone, in both JWT_ALG
 * modes. Another service never accepts it; it gets a token of its own through the exchange
 * (lib/auth/downstream-token.ts), so a copy of either is worthless at the other.
 */
export async function accessTokenSignSettings(now: Date): Promise<Omit<SignSettings, "ttlSeconds">> {
  const config = getConfig();
  return { signingKey: await currentSigningKey(now), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, now };
}

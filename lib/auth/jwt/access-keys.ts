import "server-only";

import { getConfig } from "../../env.ts";
import { activeSigningKey, reloadForUnknownKid, verificationKeys } from "./key-set.ts";
import type { SignSettings, TokenKey, VerifyTokenResult } from "./token.ts";
import { hmacTokenKey, verifyAccessTokenWithKeys } from "./verify-config.ts";

/**
 * The authoritative verify and the signing key, for whichever JWT_ALG is configured. EdDSA
 * reads the key set from the database (through key-set.ts's cache): the proxy never imports this.
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

export async function currentSigningKey(now: Date): Promise<TokenKey> {
  return getConfig().JWT_ALG === "HS256" ? hmacTokenKey() : activeSigningKey(now);
}

/**
 * Settings for an access token of this app. EdDSA tokens also name the downstream service in
 * `aud`, since it can verify them with the public key; an HS256 token could only be checked
 * by a holder of the signing secret, so it names this app alone.
 */
export async function accessTokenSignSettings(now: Date): Promise<Omit<SignSettings, "ttlSeconds">> {
  const config = getConfig();
  const signingKey = await currentSigningKey(now);
  const audience = signingKey.alg === "EdDSA" ? [config.JWT_AUDIENCE, config.DOWNSTREAM_AUDIENCE] : config.JWT_AUDIENCE;
  return { signingKey, issuer: config.JWT_ISSUER, audience, now };
}

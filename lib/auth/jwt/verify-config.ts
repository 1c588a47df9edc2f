import { getConfig } from "../../env.ts";
import { accessTokenKey } from "./keys.ts";
import { verifyAccessToken, type TokenSettings } from "./token.ts";

/** The configured issuer, audience and key; no database, so proxy.ts may import it. */
export async function accessTokenSettings(): Promise<TokenSettings> {
  const config = getConfig();
  return { key: await accessTokenKey(config.JWT_SECRET), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
}

/** Signature, algorithm, issuer, audience, typ and exp: crypto and clock only. */
export async function verifyAccessTokenWithConfig(token: string, now: Date) {
  return verifyAccessToken(token, { ...(await accessTokenSettings()), clockSkewSeconds: getConfig().JWT_CLOCK_SKEW_SECONDS, now });
}

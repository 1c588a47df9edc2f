import "server-only";

import { getConfig } from "../../env.ts";
import { accessTokenKey } from "./keys.ts";
import { verifyAccessToken, type AccessClaims, type TokenSettings, type VerifyTokenResult } from "./token.ts";
import { processLocal } from "../../state/process-local.ts";

/** The configured issuer, audience and key; no database, so proxy.ts may import it. */
export async function accessTokenSettings(): Promise<TokenSettings> {
  const config = getConfig();
  return { key: await accessTokenKey(config.JWT_SECRET), issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE };
}

/**
 * Verified tokens, remembered by their exact string per key until their exp: the proxy and
 * the DAL both verify on the same request, and the signature of a given string under a given
 * key cannot change. The clock is still checked on every call; only what passed is stored.
 */
const verified = processLocal("jwt:verified-tokens", () => new WeakMap<object, Map<string, AccessClaims>>());
const REMEMBER_MAX = 5_000;

/** Signature, algorithm, issuer, audience, typ and exp: crypto and clock only. */
export async function verifyAccessTokenWithConfig(token: string, now: Date): Promise<VerifyTokenResult> {
  const settings = await accessTokenSettings();
  const skew = getConfig().JWT_CLOCK_SKEW_SECONDS;
  let memo = verified.get(settings.key);
  if (!memo) verified.set(settings.key, (memo = new Map()));
  const hit = memo.get(token);
  if (hit && now.getTime() < (hit.exp + skew) * 1000) return { ok: true, claims: hit };
  const result = await verifyAccessToken(token, { ...settings, clockSkewSeconds: skew, now });
  if (result.ok) {
    if (memo.size >= REMEMBER_MAX) memo.delete(memo.keys().next().value!);
    memo.set(token, result.claims);
  } else if (hit) {
    memo.delete(token);
  }
  return result;
}

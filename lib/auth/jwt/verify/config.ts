import "server-only";

import { decodeJwt, decodeProtectedHeader } from "jose";
import { getConfig } from "../../../env.ts";
import { edgeVerificationKeys } from "../keys/edge-keys.ts";
import { accessTokenKey } from "../keys/crypto-keys.ts";
import { chooseVerificationKey, verifyAccessToken, type AccessClaims, type TokenKey, type TokenRules, type VerifyTokenResult } from "../token/token.ts";
import { processLocal } from "../../../state/process-local.ts";

/**
 * Configured rules and the database-free half of verification: proxy.ts may import this file
 * (and only files like it). The authoritative verify, which loads EdDSA keys from the
 * database, is access-keys.ts.
 */

export function accessTokenRules(): TokenRules {
  const config = getConfig();
  return {
    issuer: config.JWT_ISSUER,
    audience: config.JWT_AUDIENCE,
    clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS,
    maxLifetimeSeconds: config.JWT_ACCESS_TTL_SECONDS,
  };
}

/** The HS256 key (JWT_ALG=HS256): no kid, one key, imported once. */
export async function hmacTokenKey(): Promise<TokenKey> {
  return { kid: null, alg: "HS256", key: await accessTokenKey(getConfig().JWT_SECRET) };
}

/**
 * Verified tokens, remembered by their exact string per key until their exp: the proxy and
 * the DAL both verify on the same request, and the signature of a given string under a given
 * key cannot change. The clock is still checked on every call; only what passed is stored,
 * and only while its key is still in the allowlist passed in (a retired key's tokens miss).
 */
const verified = processLocal("jwt:verified-tokens", () => new WeakMap<object, Map<string, AccessClaims>>());
export const REMEMBER_MAX = 5_000;

/** Signature (by kid from `keys`), algorithm, issuer, audience, typ, exp and age: crypto and clock only. */
export async function verifyAccessTokenWithKeys(token: string, keys: readonly TokenKey[], now: Date): Promise<VerifyTokenResult> {
  const rules = accessTokenRules();
  const choice = chooseVerificationKey(token, keys);
  if (!choice.ok) return choice;
  let memo = verified.get(choice.key.key);
  if (!memo) verified.set(choice.key.key, (memo = new Map()));
  const hit = memo.get(token);
  if (hit && now.getTime() < (hit.exp + rules.clockSkewSeconds) * 1000) return { ok: true, claims: hit, kid: choice.key.kid };
  const result = await verifyAccessToken(token, { ...rules, keys: [choice.key], now });
  if (result.ok) {
    if (memo.size >= REMEMBER_MAX) memo.delete(memo.keys().next().value!);
    memo.set(token, result.claims);
  } else if (hit) {
    memo.delete(token);
  }
  return result;
}

/**
 * The proxy's optimistic check. HS256: the full crypto check. EdDSA: against the public keys
 * this process has loaded; before the first load, or for a kid it has not seen yet (a key
 * rotated in on another instance), a structurally plausible unexpired EdDSA token is let
 * through to the DAL, which loads the key set and decides.
 */
export async function peekAccessToken(token: string, now: Date): Promise<boolean> {
  if (getConfig().JWT_ALG === "HS256") return (await verifyAccessTokenWithKeys(token, [await hmacTokenKey()], now)).ok;
  const keys = edgeVerificationKeys();
  const result = keys ? await verifyAccessTokenWithKeys(token, keys, now) : null;
  if (result && (result.ok || result.code !== "token_unknown_kid")) return result.ok;
  return looksLikeOurEdDsaToken(token, now);
}

function looksLikeOurEdDsaToken(token: string, now: Date): boolean {
  try {
    const header = decodeProtectedHeader(token);
    const { exp } = decodeJwt(token);
    const skew = getConfig().JWT_CLOCK_SKEW_SECONDS;
    return header.alg === "EdDSA" && typeof header.kid === "string" && typeof exp === "number" && now.getTime() < (exp + skew) * 1000;
  } catch {
    return false;
  }
}

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
 * Verified tokens, remembered by their exact string until their exp: the proxy and the DAL both
 * verify on the same request, a client sends the same token for 15 minutes, and the signature
 * of a given string under a given key cannot change. The clock is still checked on every call;
 * only what passed is stored, with the key that verified it, and a hit counts only while that
 * key is in the allowlist passed in (a retired key's tokens miss). A hit is found before the
 * header is parsed or a key chosen: the string names its kid, so the same string finds the same
 * key. One map per process, oldest first out past REMEMBER_MAX.
 */
interface Remembered {
  claims: AccessClaims;
  key: TokenKey;
}
const verified = processLocal("jwt:verified-tokens", () => new Map<string, Remembered>());
export const REMEMBER_MAX = 5_000;

function rememberedFor(token: string, keys: readonly TokenKey[], now: Date): Remembered | null {
  const hit = verified.get(token);
  if (!hit || !keys.some((key) => key.key === hit.key.key)) return null;
  return now.getTime() < (hit.claims.exp + getConfig().JWT_CLOCK_SKEW_SECONDS) * 1000 ? hit : null;
}

/** Signature (by kid from `keys`), algorithm, issuer, audience, typ, exp and age: crypto and clock only. */
export async function verifyAccessTokenWithKeys(token: string, keys: readonly TokenKey[], now: Date): Promise<VerifyTokenResult> {
  const hit = rememberedFor(token, keys, now);
  if (hit) return { ok: true, claims: hit.claims, kid: hit.key.kid };
  const choice = chooseVerificationKey(token, keys);
  if (!choice.ok) return choice;
  const result = await verifyAccessToken(token, { ...accessTokenRules(), keys: [choice.key], now });
  if (result.ok) {
    if (verified.size >= REMEMBER_MAX && !verified.has(token)) verified.delete(verified.keys().next().value!);
    verified.set(token, { claims: result.claims, key: choice.key });
  } else {
    verified.delete(token);
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

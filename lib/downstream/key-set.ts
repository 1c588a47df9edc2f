import { createLocalJWKSet, createRemoteJWKSet, errors, jwksCache, type JSONWebKeySet, type JWKSCacheInput } from "jose";
import type { KeyChoice, ReadableHeader } from "../auth/jwt/token/header.ts";
import { errorText, logEvent } from "../log.ts";

/**
 * The downstream service's copy of the app's JWKS. jose refreshes it; what jose leaves open is the
 * app being unreachable, so a copy that cannot be refreshed is trusted for `maxAgeSeconds`, then
 * this service fails closed with 503 `jwks_stale` (docs/KEYS.md, '`npm run downstream`').
 */

export interface KeySetOptions {
  /** How long a fetched set is used before it is refetched (the JWKS's Cache-Control max-age). */
  refreshSeconds?: number;
  /** How long after its fetch a set that could not be refreshed is still trusted. */
  maxAgeSeconds?: number;
  /** Milliseconds since the epoch; for tests that age the copy without waiting. */
  clock?: () => number;
}

export interface DownstreamKeySet {
  /** The key the header names, as the shared policy's key resolver (the algorithm is EdDSA only). */
  choose(header: ReadableHeader): Promise<KeyChoice>;
}

/** After a failed refresh, serve the copy (within its max age) this long before trying again. */
const RETRY_AFTER_FAILURE_MS = 5_000;

const unavailable = { ok: false, status: 503, code: "jwks_unavailable", message: "The trusted JWKS could not be fetched, and no earlier copy is cached." } as const;

const missingKid = { ok: false, code: "token_missing_kid", message: "The token names no key (kid): this service knows only the JWKS's named keys." } as const;

export function remoteKeySet(jwksUrl: string, options: KeySetOptions = {}): DownstreamKeySet {
  const { refreshSeconds = 60, maxAgeSeconds = 300, clock = Date.now } = options;
  // jose writes the last fetched set and its time (uat) here, and only after a successful fetch.
  const cache: JWKSCacheInput & { uat?: number } = {} as JWKSCacheInput;
  const remote = createRemoteJWKSet(new URL(jwksUrl), {
    cacheMaxAge: refreshSeconds * 1000,
    cooldownDuration: 5_000,
    timeoutDuration: 3_000,
    [jwksCache]: cache,
  });
  let failedAt = -Infinity;

  function fromCopy(header: ReadableHeader): Promise<KeyChoice> | KeyChoice {
    const age = clock() - (cache.uat ?? -Infinity);
    if (!cache.jwks || !Number.isFinite(age)) return unavailable;
    if (age > maxAgeSeconds * 1000) {
      return { ok: false, status: 503, code: "jwks_stale", message: `The trusted JWKS could not be refreshed for over ${maxAgeSeconds} s; keys retired since cannot be told apart, so nothing is accepted until it can.` };
    }
    return lookUp(createLocalJWKSet(cache.jwks as JSONWebKeySet), header);
  }

  return {
    async choose(header) {
      if (header.kid === null) return missingKid;
      if (clock() - failedAt < RETRY_AFTER_FAILURE_MS) return fromCopy(header);
      try {
        return await lookUp(remote, header);
      } catch (error) {
        // lookUp turns every answer about the key into a value: what is left is the fetch failing.
        failedAt = clock();
        const served = await fromCopy(header);
        logEvent("downstream_jwks_refresh_failed", { error: errorText(error), served: served.ok ? "last_fetched_key_set" : served.code });
        return served;
      }
    },
  };
}

/** A fixed key set (tests, and the key-rotation lab's snapshot of a JWKS). */
export function localKeySet(jwks: JSONWebKeySet): DownstreamKeySet {
  const getKey = createLocalJWKSet(jwks);
  return { choose: async (header) => (header.kid === null ? missingKid : lookUp(getKey, header)) };
}

type GetKey = (header: { alg: string; kid?: string }) => Promise<CryptoKey>;

/** Looks the kid up as an EdDSA key; the header's own alg is left to the policy to refuse. */
async function lookUp(getKey: GetKey, header: ReadableHeader): Promise<KeyChoice> {
  try {
    const key = await getKey({ alg: "EdDSA", kid: header.kid ?? undefined });
    return { ok: true, key: { kid: header.kid, alg: "EdDSA", key } };
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
      return { ok: false, code: "token_unknown_kid", message: "No key in the trusted JWKS has this kid (unknown, or retired)." };
    }
    throw error;
  }
}

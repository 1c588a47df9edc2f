import type { AuthMode } from "../auth/modes.ts";
import { APP } from "./app-constants.ts";
import { cacheHitRatio } from "./hit-ratio.ts";
import type { ReaderInputs } from "./inputs.ts";

/**
 * The reader's inputs as rates of the app's operations, per mode. Stated assumptions, each
 * a line here and on /scale:
 * - every active login makes requests throughout the peak, at an equal share of peakRps;
 * - a revocation is a logout (the commonest), and each revoked login is replaced by a new one;
 *   each login is also replaced when it reaches its absolute lifetime;
 * - JWT: each active login refreshes once per access-token lifetime;
 * - session: lastSeenAt is written on the first request a touch interval after the last write;
 * - the balancer spreads every credential's requests over all instances (no stickiness).
 */

export interface Traffic {
  checks: number;
  /** Logins (session rows, refresh families) alive: users × sessions per user. */
  liveLogins: number;
  logins: number;
  /** JWT refreshes, or session lastSeenAt touches, per second. */
  renewals: number;
  revocations: number;
  /** Share of checks SESSION_CACHE answers without the database. */
  cacheHitRatio: number;
  cacheHitRatioDerived: boolean;
  /** Share of checks whose credential the process already unsealed or verified (or the check cookie skipped). */
  credentialMemoHitRatio: number;
  cacheSeconds: number;
}

export function cacheSecondsOf(inputs: ReaderInputs): number {
  return inputs.cacheSeconds ?? (inputs.sessionCache === "cookie" ? APP.cookieCacheSeconds : APP.pushCacheMaxAgeSeconds);
}

export function derivedCacheHitRatio(inputs: ReaderInputs, liveLogins: number): number {
  const lifetimeSeconds = cacheSecondsOf(inputs);
  if (inputs.sessionCache === "push") {
    return cacheHitRatio({ requestsPerSecond: inputs.peakRps, credentials: liveLogins, holders: inputs.instances, lifetimeSeconds, capacity: APP.pushCacheMaxEntries });
  }
  // The check cookie lives in each client's cookie jar: one holder per login, never full.
  if (inputs.sessionCache === "cookie") return cacheHitRatio({ requestsPerSecond: inputs.peakRps, credentials: liveLogins, holders: 1, lifetimeSeconds, capacity: Infinity });
  return 0;
}

export function trafficOf(mode: AuthMode, inputs: ReaderInputs): Traffic {
  const liveLogins = inputs.activeUsers * inputs.sessionsPerUser;
  const revocations = inputs.revocationsPerMinute / 60;
  const lifetime = mode === "session" ? APP.sessionAbsoluteSeconds : APP.refreshFamilySeconds;
  const perLogin = inputs.peakRps / liveLogins;
  const renewals =
    mode === "jwt" ? liveLogins / inputs.accessTokenSeconds : perLogin > 0 ? liveLogins / (APP.sessionTouchIntervalSeconds + 1 / perLogin) : 0;
  const derived = derivedCacheHitRatio(inputs, liveLogins);
  const hit = inputs.sessionCache === "off" ? 0 : (inputs.cacheHitRatio ?? derived);
  const memoSeconds = mode === "session" ? APP.sealMemoSeconds : inputs.accessTokenSeconds / 2;
  const memoCapacity = mode === "session" ? APP.sealMemoMaxEntries : APP.tokenMemoMaxEntries;
  const memo = cacheHitRatio({ requestsPerSecond: inputs.peakRps, credentials: liveLogins, holders: inputs.instances, lifetimeSeconds: memoSeconds, capacity: memoCapacity });
  return {
    checks: inputs.peakRps,
    liveLogins,
    logins: revocations + liveLogins / lifetime,
    renewals,
    revocations,
    cacheHitRatio: hit,
    cacheHitRatioDerived: inputs.sessionCache !== "off" && inputs.cacheHitRatio === undefined,
    // A fresh check cookie answers before the credential is even opened.
    credentialMemoHitRatio: inputs.sessionCache === "cookie" ? 1 - (1 - hit) * (1 - memo) : memo,
    cacheSeconds: cacheSecondsOf(inputs),
  };
}

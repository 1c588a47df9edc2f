/**
 * How often a cache keyed by credential answers, from the traffic alone — the model's default
 * when the reader gives no hit ratio, and what `npm run simulate` checks by counting.
 *
 * Each holder (an instance's process cache, or a client's cookie jar) sees one credential's
 * requests as a Poisson stream of rate λ. The app stores an entry on a miss and serves it for a
 * fixed lifetime T from then on (SESSION_CACHE=push's max age, the cookie cache's max age, the
 * memos' windows), whatever the hits in between; the next request after that misses again. So
 * a miss starts a cycle of T plus the wait for the next request (1/λ on average), and
 *   hit ratio = λT / (1 + λT).
 * A cache bounded to C entries over S credentials requested alike holds at most C of them, so
 * it cannot answer more than C/S of their requests (Che's approximation for uniform popularity
 * gives exactly that bound): the ratio is the smaller of the two.
 */

export interface CacheTraffic {
  /** Requests per second for the credentials this cache serves, over all holders. */
  requestsPerSecond: number;
  credentials: number;
  /** Independent copies: instances behind a balancer that spreads requests evenly, or clients. */
  holders: number;
  lifetimeSeconds: number;
  /** Entries one holder keeps; Infinity when unbounded. */
  capacity: number;
}

export function renewalHitRatio(ratePerHolder: number, lifetimeSeconds: number): number {
  const expected = ratePerHolder * lifetimeSeconds;
  return expected > 0 ? expected / (1 + expected) : 0;
}

export function cacheHitRatio({ requestsPerSecond, credentials, holders, lifetimeSeconds, capacity }: CacheTraffic): number {
  if (!(requestsPerSecond > 0) || !(credentials > 0) || !(holders > 0)) return 0;
  const perCredentialPerHolder = requestsPerSecond / credentials / holders;
  const renewal = renewalHitRatio(perCredentialPerHolder, lifetimeSeconds);
  return Math.min(renewal, capacity >= credentials ? 1 : capacity / credentials);
}

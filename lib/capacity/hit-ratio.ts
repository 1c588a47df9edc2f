/**
 * How often a cache keyed by credential answers, from the traffic alone: λT / (1 + λT), at most
 * C/S for a cache of C entries over S credentials — the model's default when the reader gives no
 * hit ratio, checked by counting in `npm run simulate` (docs/SCALE.md, 'The model').
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

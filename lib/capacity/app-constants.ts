/**
 * What the app itself fixes, as the capacity model needs it: the caches' bounds (in code) and
 * the configuration defaults (lib/env.ts). Restated here so the model stays pure and free of
 * server modules; app-constants.test.ts imports the real ones and fails when either side moves.
 * These are settings, not measurements: every per-request cost comes from docs/bench/.
 */
export const APP = {
  /** SESSION_CACHE=push: no entry is served older than this, whatever the channel does. */
  pushCacheMaxAgeSeconds: 60,
  /** SESSION_CACHE=push: entries per process. */
  pushCacheMaxEntries: 10_000,
  /** The unsealed-seal memo per process: how long, how many. */
  sealMemoSeconds: 60,
  sealMemoMaxEntries: 5_000,
  /** The verified-token memo per process keeps a token until its exp; this many at most. */
  tokenMemoMaxEntries: 5_000,
  cookieCacheSeconds: 30,
  sessionTouchIntervalSeconds: 60,
  sessionAbsoluteSeconds: 7 * 24 * 3600,
  refreshFamilySeconds: 14 * 24 * 3600,
  clockSkewSeconds: 15,
  /** The sweeper deletes a row this long after its end (lib/sweep/expired-rows.ts). */
  sweepRetentionSeconds: 3600,
} as const;

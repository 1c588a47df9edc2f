import type { LogNormal } from "./distributions.ts";
import type { LagSummary, RestartFigures } from "./figures.ts";

/** What one simulated fleet is given, and what it reports (lib/simulation/fleet.ts runs it). */

export interface FleetScenario {
  seed: number;
  instances: number;
  observed: number;
  perInstanceRps: number;
  perLoginRps: number;
  revocationsPerSecond: number;
  seconds: number;
  cache: "push" | "cookie";
  cacheSeconds: number;
  maxEntries: number;
  /** One instance's delivery delay of an invalidation, ms (fitted to the fleet's measured lag). */
  delivery: LogNormal;
  /** Redis writes a message to its subscribers one after another: ms per subscriber served before. */
  perDeliveryMs: number;
  /** Hit ratio and steady reads are counted in this window, once the caches have filled. */
  steady: { from: number; to: number };
  restartAt: number;
  /**
   * One instance's subscription goes away for a while. Noticed (the app's case: ioredis reports
   * the closed connection), its cache is bypassed and emptied; unnoticed (a connection that
   * hangs without closing), it keeps serving while the invalidations it misses are lost.
   */
  drop: { at: number; seconds: number; noticed: boolean };
}

export interface FleetResult {
  logins: number;
  events: number;
  /** Events, plus the delays drawn for instances not followed one by one and the requests drawn for cookie jars. */
  work: number;
  requests: number;
  staleAnswers: number;
  staleShare: number;
  hitRatio: { simulated: number; model: number };
  lag: LagSummary;
  restart: RestartFigures;
  drop: { instance: number; steadyReadsPerSecond: number; readsPerSecondWhileDown: number };
  dbReadsPerSecondFleet: number;
}

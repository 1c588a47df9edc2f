import { APP } from "../capacity/app-constants.ts";
import type { LogNormal } from "./distributions.ts";
import type { FleetScenario } from "./fleet.ts";

/**
 * The fleets `npm run simulate` runs: N = 2, 10, 100 and 1,000 instances, each serving half of
 * what one instance carried in bench:http, with an instance restarting cold and another's
 * subscription dropping and coming back. Sized by events, not by wall time: requests are
 * simulated on three instances only (the rest receive invalidations), so a scenario is about
 * 400,000 events plus N draws per revocation, whatever N is.
 */

export const FLEET_SIZES = [2, 10, 100, 1000] as const;
export const SIMULATION_SEED = 17;

export const TIMELINE = {
  seconds: 240,
  /** Caches that all started empty at once take a few max ages to mix: figures are read after. */
  steady: { from: 150, to: 180 },
  restartAt: 180,
  drop: { at: 200, seconds: 10, noticed: true },
} as const;

export interface MeasuredDelivery {
  delivery: LogNormal;
  perDeliveryMs: number;
}

export function fleetScenario(instances: number, cache: "push" | "cookie", measured: MeasuredDelivery, seed = SIMULATION_SEED): FleetScenario {
  return {
    seed,
    instances,
    observed: 3,
    perInstanceRps: 500,
    // One request every 5 s per login: a user reading pages, not a script.
    perLoginRps: 0.2,
    revocationsPerSecond: 10,
    cache,
    // The app's own: a push entry's max age, the cookie cache's default max age.
    cacheSeconds: cache === "push" ? APP.pushCacheMaxAgeSeconds : APP.cookieCacheSeconds,
    maxEntries: APP.pushCacheMaxEntries,
    ...measured,
    ...TIMELINE,
    steady: { ...TIMELINE.steady },
    drop: { ...TIMELINE.drop },
  };
}

/**
 * A scenario's ceiling, checked by the tests instead of a clock (the brief: under 10 s on two
 * cores): queued events, and all work (events, delays drawn for instances not followed one by
 * one, cookie-jar requests drawn lazily). A step is well under 0.5 µs on this machine.
 */
export const EVENT_BUDGET = 1_000_000;
export const WORK_BUDGET = 20_000_000;

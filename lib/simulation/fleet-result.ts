import { cacheHitRatio } from "../capacity/hit-ratio.ts";
import { lagSummary, readsAfterRestart } from "./figures.ts";
import type { FleetResult, FleetScenario } from "./fleet-types.ts";
import type { LruCache } from "./lru.ts";

/** One simulated fleet's raw counts turned into its report: ratios, the lag, the restart, the drop. */

/** One instance the simulation follows request by request. */
export interface Instance {
  cache: LruCache;
  trusted: boolean;
  listening: boolean;
  reads: Int32Array;
  steady: { requests: number; hits: number };
}

interface Run {
  events: number;
  work: number;
  requests: number;
  stale: number;
  logins: number;
  lags: number[];
  dropped: number;
}

export function summarizeFleet(scenario: FleetScenario, fleet: Instance[], run: Run): FleetResult {
  const n = scenario.instances;
  const { from, to } = scenario.steady;
  const steadyReads = (instance: Instance) => instance.reads.slice(from, to).reduce((sum, reads) => sum + reads, 0) / (to - from);
  const steady = fleet.reduce((sum, instance) => ({ requests: sum.requests + instance.steady.requests, hits: sum.hits + instance.steady.hits }), { requests: 0, hits: 0 });
  const whileDown = fleet[run.dropped]!.reads.slice(scenario.drop.at, scenario.drop.at + scenario.drop.seconds);
  const push = scenario.cache === "push";
  return {
    logins: run.logins,
    events: run.events,
    work: run.work,
    requests: run.requests,
    staleAnswers: run.stale,
    staleShare: run.requests > 0 ? run.stale / run.requests : 0,
    hitRatio: {
      simulated: steady.requests > 0 ? steady.hits / steady.requests : 0,
      model: cacheHitRatio({ requestsPerSecond: n * scenario.perInstanceRps, credentials: run.logins, holders: push ? n : 1, lifetimeSeconds: scenario.cacheSeconds, capacity: push ? scenario.maxEntries : Infinity }),
    },
    lag: lagSummary(run.lags),
    restart: readsAfterRestart(fleet[0]!.reads, scenario.restartAt, steadyReads(fleet[0]!)),
    drop: { instance: run.dropped, steadyReadsPerSecond: steadyReads(fleet[run.dropped]!), readsPerSecondWhileDown: whileDown.reduce((sum, reads) => sum + reads, 0) / Math.max(1, whileDown.length) },
    dbReadsPerSecondFleet: (fleet.reduce((sum, instance) => sum + steadyReads(instance), 0) / fleet.length) * n,
  };
}

import type { HttpBench } from "./bench-files.ts";

/**
 * The revocation lag bench:http measured on a fleet with SESSION_CACHE=push: after an event on
 * one instance, how long until the other refused the ended credential. The model states its
 * bound from it; the simulation draws its pub/sub delivery delays from it.
 */

export interface LagEvent {
  label: string;
  p50Ms: number;
  p99Ms: number;
  samples: number;
  /** Every sample, when the bench kept them. */
  samplesMs: number[] | null;
}

export interface MeasuredLag {
  events: LagEvent[];
  /** Median of the events' medians; the largest p99 (the bound the model states). */
  p50Ms: number;
  p99Ms: number;
  samples: number;
  where: string;
}

const PUSH = /SESSION_CACHE=push/;

export function measuredPushLag(fleet: HttpBench[]): MeasuredLag | null {
  for (const bench of fleet) {
    const events: LagEvent[] = bench.revocation.flatMap((entry) => {
      const lag = entry.lag;
      if (!PUSH.test(entry.label) || !lag || lag.p50Ms === null || lag.p99Ms === null || lag.samples === 0) return [];
      return [{ label: entry.label, p50Ms: lag.p50Ms, p99Ms: lag.p99Ms, samples: lag.samples, samplesMs: lag.samplesMs ?? null }];
    });
    if (events.length === 0) continue;
    const medians = events.map((event) => event.p50Ms).sort((a, b) => a - b);
    const middle = Math.floor(medians.length / 2);
    return {
      events,
      p50Ms: medians.length % 2 === 1 ? medians[middle]! : (medians[middle - 1]! + medians[middle]!) / 2,
      p99Ms: Math.max(...events.map((event) => event.p99Ms)),
      samples: events.reduce((sum, event) => sum + event.samples, 0),
      where: `bench:http on a fleet of ${bench.machine.fleet?.instances ?? "?"} (${bench.machine.database}), ${bench.finishedAt.slice(0, 10)}`,
    };
  }
  return null;
}

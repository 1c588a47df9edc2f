import type { MeasuredLag } from "../capacity/measured-lag.ts";
import { fitLogNormal, type LogNormal } from "./distributions.ts";

/**
 * The delay of one invalidation reaching one other instance: a log-normal fitted to what bench:http
 * measured on the fleet; how, and what the samples bound, in docs/SCALE.md, 'The simulation'.
 */

export interface FittedDelivery {
  fit: LogNormal;
  points: { p: number; ms: number }[];
  from: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

function summaryPoints(lag: MeasuredLag): { p: number; ms: number }[] {
  const samples = median(lag.events.map((event) => event.samples));
  const rank = Math.ceil(0.99 * samples);
  return [
    { p: 0.5, ms: median(lag.events.map((event) => event.p50Ms)) },
    { p: Math.min(0.999, (rank - 0.5) / samples), ms: median(lag.events.map((event) => event.p99Ms)) },
  ];
}

export function fitDelivery(lag: MeasuredLag): FittedDelivery {
  const withSamples = lag.events.every((event) => event.samplesMs && event.samplesMs.length > 1);
  const points = withSamples
    ? lag.events.flatMap((event) => [...event.samplesMs!].sort((a, b) => a - b).map((ms, index, all) => ({ p: (index + 0.5) / all.length, ms })))
    : summaryPoints(lag);
  return { fit: fitLogNormal(points), points, from: `${lag.where}: ${lag.events.length} events, ${lag.samples} samples${withSamples ? "" : " (their p50 and p99)"}` };
}

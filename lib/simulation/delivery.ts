import type { MeasuredLag } from "../capacity/measured-lag.ts";
import { fitLogNormal, type LogNormal } from "./distributions.ts";

/**
 * The delay of one invalidation reaching one other instance, fitted to what bench:http measured
 * on the fleet (SESSION_CACHE=push): a log-normal through each event's p50 and p99, or through
 * every sample where the bench kept them. bench:http takes a nearest-rank p99 of its 20 samples
 * per event — the largest one — so that point is placed where the largest of n samples sits,
 * at (n − ½)/n, not at 0.99.
 *
 * What the samples are: from the revoking request's answer to the start of the first refused
 * request on the other instance, polled without pause. The first poll was already refused in
 * most samples, so they bound the delivery from above; the fit inherits that.
 */

export interface FittedDelivery {
  fit: LogNormal;
  points: { p: number; ms: number }[];
  from: string;
}

export function fitDelivery(lag: MeasuredLag): FittedDelivery {
  const withSamples = lag.events.every((event) => event.samplesMs && event.samplesMs.length > 1);
  const points = withSamples
    ? lag.events.flatMap((event) => [...event.samplesMs!].sort((a, b) => a - b).map((ms, index, all) => ({ p: (index + 0.5) / all.length, ms })))
    : lag.events.flatMap((event) => {
        const rank = Math.ceil(0.99 * event.samples);
        return [
          { p: 0.5, ms: event.p50Ms },
          { p: Math.min(0.999, (rank - 0.5) / event.samples), ms: event.p99Ms },
        ];
      });
  return { fit: fitLogNormal(points), points, from: `${lag.where}: ${lag.events.length} events, ${lag.samples} samples${withSamples ? "" : " (their p50 and p99)"}` };
}

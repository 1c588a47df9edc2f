// Medians over interleaved rounds, percentiles of lag samples, and rounding to what the noise
// allows. Pure.

/** The median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] as number; // index within 0…length-1
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** Nearest-rank percentile (p in 0…100) of a non-empty list. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error("percentile of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export interface RoundsSummary {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  rounds: number;
}

export interface LagSummary {
  p50Ms: number | null;
  p99Ms: number | null;
  samples: number;
  neverRefused: number;
}

/** One target's rounds → the medians the tables show. */
export function summarizeRounds(rounds: { rps: number; p50Ms: number; p99Ms: number }[]): RoundsSummary {
  return {
    rps: median(rounds.map((round) => round.rps)),
    p50Ms: median(rounds.map((round) => round.p50Ms)),
    p99Ms: median(rounds.map((round) => round.p99Ms)),
    rounds: rounds.length,
  };
}

/**
 * Round i visits every target once, starting at offset i: no target always runs first (cold)
 * or right after the heaviest one, and a slow minute on a shared machine hits every target.
 */
export function rotate<T>(list: T[], offset: number): T[] {
  if (list.length === 0) return [];
  const start = ((offset % list.length) + list.length) % list.length;
  return [...list.slice(start), ...list.slice(0, start)];
}

/** Rounded so the figures don't claim more precision than a loopback benchmark has. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/**
 * Lag samples of one revocation event on another instance → p50/p99 in ms, with the samples
 * where it was never refused within the give-up time counted apart (never folded in as a number).
 */
export function summarizeLags(lags: number[], neverRefused: number): LagSummary | null {
  if (lags.length === 0 && neverRefused === 0) return null;
  return {
    p50Ms: lags.length > 0 ? percentile(lags, 50) : null,
    p99Ms: lags.length > 0 ? percentile(lags, 99) : null,
    samples: lags.length,
    neverRefused,
  };
}

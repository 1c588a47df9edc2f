/** What the simulation reports, computed from its raw counts. Pure. */

/** Nearest-rank percentile (p in 0…100), as bench:http computes it. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface LagSummary {
  revocations: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * bench:http's own statistic, to set beside its figures: p50 and p99 of each batch of
   * `batch` samples (it takes 20 per event), then the median over the batches.
   */
  asBenched: { batch: number; p50Ms: number; p99Ms: number };
}

const BENCH_BATCH = 20;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length === 0 ? 0 : sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function lagSummary(lagsMs: readonly number[]): LagSummary {
  const sorted = [...lagsMs].sort((a, b) => a - b);
  const batches: number[][] = [];
  for (let start = 0; start + BENCH_BATCH <= lagsMs.length; start += BENCH_BATCH) batches.push([...lagsMs.slice(start, start + BENCH_BATCH)].sort((a, b) => a - b));
  return {
    revocations: lagsMs.length,
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? 0,
    asBenched: { batch: BENCH_BATCH, p50Ms: median(batches.map((batch) => percentile(batch, 50))), p99Ms: median(batches.map((batch) => percentile(batch, 99))) },
  };
}

export interface RestartFigures {
  at: number;
  steadyReadsPerSecond: number;
  /** The busiest second of the first ten after the restart. */
  peakReadsPerSecond: number;
  /** Seconds until the 5-second average is back within 25 % of steady (null: not within the run). */
  secondsToSteady: number | null;
  /** Reads per second of the restarted instance, from 10 s before to 60 s after. */
  series: { from: number; readsPerSecond: number[] };
}

export function readsAfterRestart(reads: Int32Array, at: number, steady: number): RestartFigures {
  const after = Array.from(reads.slice(at, at + 10));
  let secondsToSteady: number | null = null;
  for (let second = at; second + 5 <= reads.length; second += 1) {
    const average = reads.slice(second, second + 5).reduce((sum, value) => sum + value, 0) / 5;
    if (average <= steady * 1.25) {
      secondsToSteady = second - at;
      break;
    }
  }
  const from = Math.max(0, at - 10);
  return {
    at,
    steadyReadsPerSecond: steady,
    peakReadsPerSecond: Math.max(0, ...after),
    secondsToSteady,
    // The last bin is the run's end, a second not yet over: left out.
    series: { from, readsPerSecond: Array.from(reads.slice(from, Math.min(reads.length - 1, at + 61))) },
  };
}

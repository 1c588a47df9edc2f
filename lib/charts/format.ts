/**
 * How the charts write numbers: no more digits than the measurement holds. A latency is whole
 * microseconds below a millisecond and tenths of a millisecond above (timer resolution, GC and
 * scheduling make finer digits noise); counts and bytes get thousands separators.
 */

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return grouped.format(value);
}

export function formatBytes(value: number): string {
  return `${grouped.format(value)} B`;
}

export function formatMicros(micros: number): string {
  if (micros < 999.5) return `${Math.round(micros)} µs`;
  return `${(micros / 1000).toFixed(1)} ms`;
}

/** Axis labels on a log scale: powers of ten, written without a pointless ".0". */
export function formatMicrosTick(micros: number): string {
  if (micros < 1000) return `${micros} µs`;
  if (micros < 1_000_000) return `${micros / 1000} ms`;
  return `${micros / 1_000_000} s`;
}

/** "5 checks", "1 check": the noun every sample count carries. */
export function countOf(value: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(value)} ${value === 1 ? noun : plural}`;
}

export function formatSeconds(seconds: number): string {
  return `${grouped.format(seconds)} s`;
}

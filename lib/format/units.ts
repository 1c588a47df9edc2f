/**
 * The one way this site writes a measured number, in tables, charts, cards and the decision
 * record alike. Durations are milliseconds everywhere (never µs in one place and ms in the
 * next): one decimal below 10 ms, whole and thousands-separated above; finer digits would be
 * noise (timer resolution, GC, scheduling). Counts and bytes get thousands separators. Pure.
 */

const grouped = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const tick = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

export function formatCount(value: number): string {
  return grouped.format(value);
}

export function formatBytes(value: number): string {
  return `${grouped.format(value)} B`;
}

/** 0 ms, "< 0.1 ms" (a cache hit: there is no honest tenth to print), 2.3 ms, 27 ms, 1,204 ms. */
export function formatMs(ms: number): string {
  if (ms === 0) return "0 ms";
  if (ms < 0.05) return "< 0.1 ms";
  if (ms < 9.95) return `${oneDecimal.format(ms)} ms`;
  return `${grouped.format(ms)} ms`;
}

/** lib/metrics keeps whole microseconds; readers get milliseconds like everywhere else. */
export function formatMicros(micros: number): string {
  return formatMs(micros / 1000);
}

/** Axis labels on a log scale: decades of milliseconds as bare numbers (the axis names the unit once). */
export function formatMicrosTick(micros: number): string {
  return tick.format(micros / 1000);
}

export function formatSeconds(seconds: number): string {
  return `${grouped.format(seconds)} s`;
}

/** A ratio of two throughputs or a mean of small counts: two decimals, always shown. */
export function formatRatio(value: number): string {
  return twoDecimals.format(value);
}

/** "5 checks", "1 check": the noun every sample count carries. */
export function countOf(value: number, noun: string, plural = `${noun}s`): string {
  return `${formatCount(value)} ${value === 1 ? noun : plural}`;
}

import { formatCount } from "../format/units.ts";

/**
 * The model's figures in words a reader takes in at a glance: rates and counts grouped by
 * thousands (lib/format/units.ts, the site's one number format), sizes in decimal units
 * with the precision a model deserves (three significant digits at most).
 */

const significant = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

/** 0, 0.42, 7.5, 1,234, 12,345 — small values keep two significant digits. */
export function formatRate(value: number): string {
  if (value === 0) return "0";
  if (value < 10) return significant.format(Number(value.toPrecision(2)));
  return formatCount(value);
}

const SIZES = [
  { unit: "TB", bytes: 1e12 },
  { unit: "GB", bytes: 1e9 },
  { unit: "MB", bytes: 1e6 },
  { unit: "kB", bytes: 1e3 },
];

export function formatSize(bytes: number): string {
  const size = SIZES.find((entry) => bytes >= entry.bytes);
  return size ? `${significant.format(bytes / size.bytes)} ${size.unit}` : `${formatCount(bytes)} B`;
}

export function formatPercent(share: number): string {
  if (share === 0) return "0 %";
  if (share < 0.001) return "< 0.1 %";
  return `${significant.format(share * 100)} %`;
}

/**
 * Axis ticks, decades: 1k, 10k, 1M, as axes are read at a glance (the tables keep every digit);
 * below 1 with the digits they need.
 */
export function formatTick(value: number): string {
  if (value >= 1e9) return `${formatCount(value / 1e9)}G`;
  if (value >= 1e6) return `${formatCount(value / 1e6)}M`;
  if (value >= 1e3) return `${formatCount(value / 1e3)}k`;
  return value >= 1 ? formatCount(value) : String(Number(value.toPrecision(1)));
}

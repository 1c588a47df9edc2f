import { formatCount } from "../format/units.ts";
import type { ModeResult } from "./model.ts";
import type { ModeSaturation } from "./saturation.ts";
import type { Stored } from "./storage.ts";
import { formatPercent, formatRate, formatSize } from "./units.ts";

/**
 * The model's outputs as rows of words and figures, one per output the issue lists, for the
 * table on /scale and the one docs/SCALE.md keeps: one wording for both.
 */

export interface ResultRow {
  label: string;
  hint?: string;
  cell: (result: ModeResult, saturation: ModeSaturation) => string;
}

function saturationText(saturation: ModeSaturation): string {
  const first = saturation.first;
  if (!first) return "nothing, up to 1,000,000,000 req/s";
  if (first.atRps === 0) return `${first.component}, from logins and revocations alone`;
  return `${first.component}, at ${formatCount(first.atRps)} req/s`;
}

function storedTrend(stored: Stored): string {
  if (stored.lingerSeconds === null) return `+${formatSize(stored.growthBytesPerDay)} a day, never deleted (sweeper off)`;
  return `flat: an ended row is deleted within ${formatCount(stored.lingerSeconds / 60)} min`;
}

export const RESULT_ROWS: ResultRow[] = [
  { label: "Database reads", cell: (r) => `${formatRate(r.dbReadsPerSecond)}/s` },
  { label: "Database writes", cell: (r) => `${formatRate(r.dbWritesPerSecond)}/s` },
  { label: "Redis operations", hint: "the app's round trips; none with one instance", cell: (r) => `${formatRate(r.redisOpsPerSecond)}/s` },
  { label: "Invalidation messages", hint: "published, and delivered to the instances", cell: (r) => `${formatRate(r.pubsub.publishedPerSecond)}/s published, ${formatRate(r.pubsub.deliveredPerSecond)}/s delivered` },
  {
    label: "Stored",
    hint: "rows kept, ended ones until the sweeper; with it off, what piles up a day",
    cell: (r) => `${formatSize(r.stored.liveBytes)} (${r.stored.parts.map((part) => `${part.label} ${formatSize(part.bytes)}`).join(", ")}); ${storedTrend(r.stored)}`,
  },
  { label: "Credential bytes on the wire", cell: (r) => `${formatSize(r.credentialBytesPerSecond)}/s` },
  { label: "CPU cores on authentication", hint: "and on whole requests", cell: (r) => `${formatRate(r.authCores)} of ${formatRate(r.appCores)} cores` },
  { label: "Cache hit ratio", cell: (r) => `${formatPercent(r.traffic.cacheHitRatio)}${r.traffic.cacheHitRatioDerived ? " (derived)" : ""}` },
  { label: "Revocation lag", cell: (r) => r.revocationLag.text },
  { label: "Busiest component now", cell: (_r, s) => `${s.busiest.component}, ${formatPercent(s.busiest.utilization)} of its capacity` },
  { label: "First to saturate", cell: (_r, s) => saturationText(s) },
];

import type { AuthMode } from "../auth/types.ts";
import { RollingWindow } from "./stats.ts";

/**
 * What each authoritative auth check cost, per mode: the one source the compare page,
 * the Server-Timing headers, /api/metrics and the benchmark all read.
 */

export interface AuthSample {
  mode: AuthMode;
  micros: number;
  queries: number;
  /** Bytes of this mode's auth cookies the request carried ("name=value"). */
  cookieBytes: number;
  accepted: boolean;
}

interface ModeStats {
  latency: RollingWindow;
  queries: RollingWindow;
  cookieBytes: RollingWindow;
  setCookieBytes: RollingWindow;
  accepted: number;
  rejected: number;
}

function emptyStats(): ModeStats {
  return { latency: new RollingWindow(), queries: new RollingWindow(), cookieBytes: new RollingWindow(), setCookieBytes: new RollingWindow(), accepted: 0, rejected: 0 };
}

// On globalThis: route handlers, pages and the proxy may be separate bundles in one process.
const globalForMetrics = globalThis as typeof globalThis & { __svjAuthMetrics?: Record<AuthMode, ModeStats> };

function stats(): Record<AuthMode, ModeStats> {
  globalForMetrics.__svjAuthMetrics ??= { session: emptyStats(), jwt: emptyStats() };
  return globalForMetrics.__svjAuthMetrics;
}

export function recordAuthCheck(sample: AuthSample): void {
  const mode = stats()[sample.mode];
  mode.latency.add(sample.micros);
  mode.queries.add(sample.queries);
  if (sample.cookieBytes > 0) mode.cookieBytes.add(sample.cookieBytes);
  if (sample.accepted) mode.accepted += 1;
  else mode.rejected += 1;
}

/** Size of the Set-Cookie header values a login or refresh wrote. */
export function recordSetCookie(mode: AuthMode, bytes: number): void {
  stats()[mode].setCookieBytes.add(bytes);
}

const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

type Range = { p50: number | null; max: number | null };

export interface ModeSnapshot {
  checks: number;
  accepted: number;
  rejected: number;
  latencyMicros: { p50: number | null; p95: number | null };
  queriesPerCheck: { mean: number | null; max: number | null };
  cookieBytes: Range;
  setCookieBytes: Range;
}

function snapshotOf(s: ModeStats): ModeSnapshot {
  return {
    checks: s.latency.count,
    accepted: s.accepted,
    rejected: s.rejected,
    latencyMicros: { p50: round(s.latency.percentile(50)), p95: round(s.latency.percentile(95)) },
    queriesPerCheck: { mean: round(s.queries.mean(), 2), max: s.queries.percentile(100) },
    cookieBytes: { p50: s.cookieBytes.percentile(50), max: s.cookieBytes.percentile(100) },
    setCookieBytes: { p50: s.setCookieBytes.percentile(50), max: s.setCookieBytes.percentile(100) },
  };
}

export function authMetricsSnapshot(): Record<AuthMode, ModeSnapshot> {
  return { session: snapshotOf(stats().session), jwt: snapshotOf(stats().jwt) };
}

export function resetAuthMetrics(): void {
  globalForMetrics.__svjAuthMetrics = { session: emptyStats(), jwt: emptyStats() };
}

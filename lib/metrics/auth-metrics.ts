import "server-only";

import type { AuthMode } from "../auth/types.ts";
import { processLocal, replaceProcessLocal } from "../state/process-local.ts";
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

interface Store {
  since: Date;
  modes: Record<AuthMode, ModeStats>;
}

function emptyStats(): ModeStats {
  return { latency: new RollingWindow(), queries: new RollingWindow(), cookieBytes: new RollingWindow(), setCookieBytes: new RollingWindow(), accepted: 0, rejected: 0 };
}

function emptyStore(since: Date): Store {
  return { since, modes: { session: emptyStats(), jwt: emptyStats() } };
}

// What THIS process measured (per process on purpose: a latency is a property of the instance
// that served it); route handlers, pages and the proxy may be separate bundles in it.
function store(): Store {
  return processLocal("metrics:auth", () => emptyStore(new Date(Date.now() - process.uptime() * 1000)));
}

/**
 * Refusals are counted, but only accepted checks feed the figures: they describe what an
 * authenticated request costs, and a burst of forged cookies (refused before any lookup)
 * must not make a mode look cheaper or its cookie look bigger.
 */
export function recordAuthCheck(sample: AuthSample): void {
  const mode = store().modes[sample.mode];
  if (!sample.accepted) {
    mode.rejected += 1;
    return;
  }
  mode.accepted += 1;
  mode.latency.add(sample.micros);
  mode.queries.add(sample.queries);
  if (sample.cookieBytes > 0) mode.cookieBytes.add(sample.cookieBytes);
}

/** Size of the Set-Cookie header values a login or refresh wrote. */
export function recordSetCookie(mode: AuthMode, bytes: number): void {
  store().modes[mode].setCookieBytes.add(bytes);
}

const round = (value: number | null, digits = 1) => (value === null ? null : Number(value.toFixed(digits)));

/** Byte counts: few distinct values, so each one is kept, as well as the last and the spread. */
export interface Sizes {
  samples: number;
  p50: number | null;
  max: number | null;
  last: number | null;
  distinct: number[];
}

export interface ModeSnapshot {
  checks: number;
  accepted: number;
  rejected: number;
  latencyMicros: { p50: number | null; p95: number | null };
  queriesPerCheck: { mean: number | null; max: number | null };
  cookieBytes: Sizes;
  setCookieBytes: Sizes;
}

function sizesOf(window: RollingWindow): Sizes {
  return { samples: window.count, p50: window.percentile(50), max: window.percentile(100), last: window.latest(), distinct: window.distinct() };
}

function snapshotOf(s: ModeStats): ModeSnapshot {
  return {
    checks: s.accepted + s.rejected,
    accepted: s.accepted,
    rejected: s.rejected,
    latencyMicros: { p50: round(s.latency.percentile(50)), p95: round(s.latency.percentile(95)) },
    queriesPerCheck: { mean: round(s.queries.mean(), 2), max: s.queries.percentile(100) },
    cookieBytes: sizesOf(s.cookieBytes),
    setCookieBytes: sizesOf(s.setCookieBytes),
  };
}

export function authMetricsSnapshot(): Record<AuthMode, ModeSnapshot> {
  const { modes } = store();
  return { session: snapshotOf(modes.session), jwt: snapshotOf(modes.jwt) };
}

/** Since when the figures run: this server process's start, or the last reset. */
export function authMetricsSince(): Date {
  return store().since;
}

export function resetAuthMetrics(now = new Date()): void {
  replaceProcessLocal("metrics:auth", emptyStore(now));
}

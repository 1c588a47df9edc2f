import "server-only";

import type { AuthMode } from "../auth/types.ts";
import { processLocal, replaceProcessLocal } from "../state/process-local.ts";
import { exportAuthCheck } from "./prometheus.ts";
import { RollingWindow } from "./stats.ts";

/**
 * What each authoritative auth check cost, per mode: the one source the compare page,
 * the Server-Timing headers, /api/metrics and the benchmark all read.
 *
 * Kept apart so no figure mixes two different things: checks a cache answered without the
 * database (warm) from the mode's full check (cold: its database read, where it makes one), and
 * the labs' own requests — a handful of
 * logins, forgeries and a deliberate database outage — from everyone else's.
 * Each sample is handed on to the Prometheus exporter as it is recorded: one measurement, two
 * readers (this rolling view for /compare, cumulative counters for operators).
 */

export type Temperature = "cold" | "warm";
export type Traffic = "visitors" | "labs";

export interface AuthSample {
  mode: AuthMode;
  micros: number;
  queries: number;
  /** Redis commands made inside the check (none today: no check touches Redis). */
  redisOperations?: number;
  /** Bytes of this mode's auth cookies the request carried ("name=value"). */
  cookieBytes: number;
  accepted: boolean;
  /** The refusal's code, when not accepted. */
  refusal?: string;
  /** Answered from a cache, no database read (VerifyResult.servedFromCache). */
  servedFromCache?: boolean;
  /** Made by a demonstration's user, as lib/core-hooks.ts answers (a lab's throwaway user). */
  lab?: boolean;
}

interface CheckWindows {
  latency: RollingWindow;
  queries: RollingWindow;
}

interface TrafficStats extends Record<Temperature, CheckWindows> {
  cookieBytes: RollingWindow;
  setCookieBytes: RollingWindow;
}

type ModeStats = Record<Traffic, TrafficStats> & { rejected: number };

interface Store {
  since: Date;
  modes: Record<AuthMode, ModeStats>;
}

const checkWindows = (): CheckWindows => ({ latency: new RollingWindow(), queries: new RollingWindow() });
const trafficStats = (): TrafficStats => ({ cold: checkWindows(), warm: checkWindows(), cookieBytes: new RollingWindow(), setCookieBytes: new RollingWindow() });
const modeStats = (): ModeStats => ({ visitors: trafficStats(), labs: trafficStats(), rejected: 0 });
const emptyStore = (since: Date): Store => ({ since, modes: { session: modeStats(), jwt: modeStats() } });

// What THIS process measured (per process on purpose: a latency is a property of the instance
// that served it); route handlers, pages and the proxy may be separate bundles in it.
function store(): Store {
  return processLocal("metrics:auth", () => emptyStore(new Date(Date.now() - process.uptime() * 1000)));
}

const trafficOf = (lab: boolean | undefined): Traffic => (lab ? "labs" : "visitors");

/**
 * Refusals are counted, but only accepted checks feed the figures: they describe what an
 * authenticated request costs, and a burst of forged cookies (refused before any lookup)
 * must not make a mode look cheaper or its cookie look bigger. A refusal names no user, so
 * it cannot be told apart as lab traffic: the count says so where it is shown.
 */
export function recordAuthCheck(sample: AuthSample): void {
  exportAuthCheck({
    mode: sample.mode,
    outcome: sample.accepted ? "accepted" : (sample.refusal ?? "refused"),
    servedFromCache: sample.accepted && sample.servedFromCache === true,
    micros: sample.micros,
    queries: sample.queries,
    redisOperations: sample.redisOperations ?? 0,
  });
  const mode = store().modes[sample.mode];
  if (!sample.accepted) {
    mode.rejected += 1;
    return;
  }
  const traffic = mode[trafficOf(sample.lab)];
  const windows = traffic[sample.servedFromCache ? "warm" : "cold"];
  windows.latency.add(sample.micros);
  windows.queries.add(sample.queries);
  if (sample.cookieBytes > 0) traffic.cookieBytes.add(sample.cookieBytes);
}

/** Size of the Set-Cookie header values a login or refresh wrote; `lab`: for a lab's user. */
export function recordSetCookie(mode: AuthMode, bytes: number, lab = false): void {
  store().modes[mode][trafficOf(lab)].setCookieBytes.add(bytes);
}

export const LATENCY_LADDER = [50, 75, 90, 95, 99] as const;
export type LadderStep = `p${(typeof LATENCY_LADDER)[number]}`;

/** Byte counts: few distinct values, so each one is kept, as well as the last and the spread. */
export interface Sizes {
  samples: number;
  p50: number | null;
  max: number | null;
  last: number | null;
  distinct: number[];
}

export interface CheckFigures {
  /** Accepted checks recorded since `since`. */
  samples: number;
  /** The latest of them that the percentiles and the mean are computed over (at most 1,000). */
  inFigures: number;
  /** Whole microseconds: finer would be noise (timer resolution, GC, scheduling). */
  latencyMicros: Record<LadderStep, number | null>;
  queriesPerCheck: { mean: number | null; max: number | null };
}

export interface TrafficSnapshot {
  accepted: number;
  cold: CheckFigures;
  warm: CheckFigures;
  cookieBytes: Sizes;
  setCookieBytes: Sizes;
}

export interface ModeSnapshot extends Record<Traffic, TrafficSnapshot> {
  /** Every check: accepted (visitors' and labs') and refused. */
  checks: number;
  /** Refused checks, visitors' and labs' alike (a refusal names no user); in no figure. */
  rejected: number;
}

function sizesOf(window: RollingWindow): Sizes {
  return { samples: window.count, p50: window.percentile(50), max: window.percentile(100), last: window.latest(), distinct: window.distinct() };
}

function figuresOf({ latency, queries }: CheckWindows): CheckFigures {
  const ladder = latency.percentiles(LATENCY_LADDER).map((value) => (value === null ? null : Math.round(value)));
  const mean = queries.mean();
  return {
    samples: latency.count,
    inFigures: latency.held,
    latencyMicros: Object.fromEntries(LATENCY_LADDER.map((p, index) => [`p${p}`, ladder[index] ?? null])) as Record<LadderStep, number | null>,
    queriesPerCheck: { mean: mean === null ? null : Number(mean.toFixed(2)), max: queries.percentile(100) },
  };
}

function trafficSnapshotOf(stats: TrafficStats): TrafficSnapshot {
  const cold = figuresOf(stats.cold);
  const warm = figuresOf(stats.warm);
  return { accepted: cold.samples + warm.samples, cold, warm, cookieBytes: sizesOf(stats.cookieBytes), setCookieBytes: sizesOf(stats.setCookieBytes) };
}

function snapshotOf(stats: ModeStats): ModeSnapshot {
  const visitors = trafficSnapshotOf(stats.visitors);
  const labs = trafficSnapshotOf(stats.labs);
  return { checks: visitors.accepted + labs.accepted + stats.rejected, rejected: stats.rejected, visitors, labs };
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

import type { AuthMode } from "../auth/modes.ts";
import type { BenchFiles, HttpBench, ProfileBench } from "./bench-files.ts";
import type { Costs } from "./costs.ts";

/**
 * The model against measurement: what it predicts bench:http measured, from per-request costs
 * alone, for each API target of each committed run (one process on SQLite or PostgreSQL, and a
 * fleet of two behind HAProxy). The bench machine runs everything on its 2 cores — the app's
 * processes, wrk, HAProxy, PostgreSQL — so the prediction is the smaller of two bounds:
 *   each instance's event loop: instances / (Node CPU per request);
 *   the machine's cores: cores / (Node + wrk + HAProxy + PostgreSQL backend CPU per request).
 * The model is not fitted to these runs: the Node costs come from bench:profile, the rest from
 * bench:capacity. Page targets are left out: nothing profiled a page render.
 */

export const VALIDATION_GOAL_PERCENT = 15;

export interface ValidationRow {
  run: string;
  target: string;
  measuredRps: number;
  predictedRps: number;
  errorPercent: number;
  /** Which bound the prediction came from. */
  bound: "event loop" | "machine CPU";
  predictedDbQueriesPerSecond: number;
  predictedRedisOpsPerSecond: number;
  /** bench:http counts neither queries nor Redis commands; see the note on /scale. */
  measuredDbQueriesPerSecond: null;
}

interface Shape {
  mode: AuthMode | null;
  presentation: "cookie" | "bearer" | null;
  check: "none" | "denylist";
  cache: "off" | "push" | "cookie";
}

function profileMicros(profile: ProfileBench, key: string): number {
  const found = profile.columns.find((entry) => entry.key === key);
  if (!found) throw new Error(`profile has no column "${key}"`);
  return Object.values(found.perRequest).reduce((sum, micros) => sum + micros, 0);
}

/** Node's CPU per request for one target's shape, and the database reads it makes. */
function nodeCost(shape: Shape, profile: ProfileBench, costs: Costs, database: "PostgreSQL" | "SQLite") {
  const at = (key: string) => profileMicros(profile, key);
  if (shape.mode === null) return { micros: at("baseline"), reads: 0 };
  const read = (mode: AuthMode) =>
    database === "SQLite"
      ? mode === "session" ? at("session-off") - at("session-push") : at("jwt-bearer-denylist-off") - at("jwt-bearer-denylist-push")
      : costs.modes[mode].denylist.dbReadMicros;
  const cookieCache = shape.cache === "cookie" && shape.presentation === "cookie";
  const checkCookie = costs.modes[shape.mode].denylist.checkCookieMicros;
  if (shape.mode === "session") {
    if (cookieCache) return { micros: at("session-push") + checkCookie, reads: 0 };
    return shape.cache === "push" ? { micros: at("session-push"), reads: 0 } : { micros: at("session-push") + read("session"), reads: 1 };
  }
  const cookieExtra = shape.presentation === "cookie" ? at("jwt-cookie-none") - at("jwt-bearer-none") : 0;
  if (shape.check === "none") return { micros: at("jwt-bearer-none") + cookieExtra + (cookieCache ? checkCookie : 0), reads: 0 };
  if (cookieCache) return { micros: at("jwt-bearer-denylist-push") + cookieExtra + checkCookie, reads: 0 };
  // The cookie cache answers only cookie-borne checks: a Bearer check reads as with the cache off.
  if (shape.cache === "push") return { micros: at("jwt-bearer-denylist-push") + cookieExtra, reads: 0 };
  return { micros: at("jwt-bearer-denylist-push") + cookieExtra + read("jwt"), reads: 1 };
}

/** Whole-process CPU over main-thread CPU, as bench:capacity's server step measured the same request. */
function threadFactor(shape: Shape, files: BenchFiles): number {
  const key = shape.mode === null ? "baseline" : shape.mode === "session" ? "session-me" : shape.presentation === "bearer" ? "jwt-me-bearer" : "jwt-me-cookie";
  const app = files.capacity.app;
  // A Bearer check under the cookie cache reads as with the cache off.
  const cache = key === "jwt-me-bearer" && shape.cache === "cookie" ? "off" : shape.cache;
  const found = app.find((entry) => entry.key === key && entry.cache === cache) ?? app.find((entry) => entry.key === "baseline");
  return found ? found.processMicros / found.mainThreadMicros : 1;
}

function shapeOf(target: HttpBench["targets"][number], server: HttpBench["servers"][number]): Shape | null {
  if (target.kind !== "api") return null;
  const check = server.check === "none" ? "none" : "denylist";
  if (target.auth === "none") return { mode: null, presentation: null, check, cache: server.cache };
  if (target.auth === "session-cookie") return { mode: "session", presentation: "cookie", check, cache: server.cache };
  return { mode: "jwt", presentation: target.auth === "jwt-bearer" ? "bearer" : "cookie", check, cache: server.cache };
}

export function validateAgainstBench(files: BenchFiles, costs: Costs): ValidationRow[] {
  const { harness } = files.capacity;
  const rows: ValidationRow[] = [];
  for (const bench of [...files.http.single, ...files.http.fleet]) {
    const instances = bench.machine.fleet?.instances ?? 1;
    const run = `${bench.machine.database}, ${instances === 1 ? "1 process" : `fleet of ${instances}`}`;
    for (const target of bench.targets) {
      const server = bench.servers.find((entry) => entry.key === target.server);
      const shape = server ? shapeOf(target, server) : null;
      if (!shape || !target.summary) continue;
      const node = nodeCost(shape, files.profile, costs, bench.machine.database);
      const backend = bench.machine.database === "PostgreSQL" && shape.mode ? node.reads * costs.capacities.postgresReadCpuMicros[shape.mode] : 0;
      const machine = node.micros * threadFactor(shape, files) + harness.wrkCpuMicrosPerRequest + (instances > 1 ? (harness.haproxyCpuMicrosPerRequest ?? 0) : 0) + backend;
      const loopBound = (instances * 1e6) / node.micros;
      const machineBound = (bench.machine.cores * 1e6) / machine;
      const predicted = Math.min(loopBound, machineBound);
      rows.push({
        run,
        target: target.label,
        measuredRps: target.summary.rps,
        predictedRps: predicted,
        errorPercent: ((predicted - target.summary.rps) / target.summary.rps) * 100,
        bound: loopBound <= machineBound ? "event loop" : "machine CPU",
        predictedDbQueriesPerSecond: predicted * node.reads,
        predictedRedisOpsPerSecond: 0,
        measuredDbQueriesPerSecond: null,
      });
    }
  }
  return rows;
}

export interface ValidationSummary {
  rows: number;
  within: number;
  worstPercent: number;
  medianPercent: number;
}

export function validationSummary(rows: ValidationRow[]): ValidationSummary {
  const errors = rows.map((row) => Math.abs(row.errorPercent)).sort((a, b) => a - b);
  const within = errors.filter((error) => error <= VALIDATION_GOAL_PERCENT).length;
  return { rows: rows.length, within, worstPercent: errors.at(-1) ?? 0, medianPercent: errors.length > 0 ? errors[Math.floor(errors.length / 2)]! : 0 };
}

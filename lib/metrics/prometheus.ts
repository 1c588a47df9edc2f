import "server-only";

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { AUTH_MODES } from "../auth/modes.ts";
import { onDatabaseQuery } from "../db.ts";
import { getConfig } from "../env.ts";
import { instanceName } from "../instance-name.ts";
import { onRedisOperation, type RedisOperation } from "../state/index.ts";
import { processLocal } from "../state/process-local.ts";
import { createCheckTally, type CheckTally, type TallyRow } from "./check-tally.ts";

/**
 * This process's figures in the Prometheus text format (prom-client), for operators and for the
 * capacity model (docs/FLEET.md lists every name; they are an interface, keep them stable).
 * Nothing here measures: each figure is handed over by the one place that already measures it
 * (the DAL's check via auth-metrics.ts, Prisma's query event, the shared state's Redis calls,
 * the push cache's channel, the outage tracker), so /compare and Prometheus never disagree.
 */

const CHECK_SECONDS = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
const LAG_SECONDS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

function createExporter() {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const tally = createCheckTally();
  const exporter = {
    registry,
    tally,
    authChecks: new Counter({
      name: "svj_auth_checks_total",
      help: "Authoritative auth checks, by mode, outcome (accepted or the refusal code) and cache (hit: answered without the database).",
      labelNames: ["mode", "outcome", "cache"] as const,
      registers,
      collect() {
        this.reset();
        for (const { mode, outcome, cache, checks } of tally.rows()) this.inc({ mode, outcome, cache }, checks);
      },
    }),
    authCheckSeconds: new Histogram({ name: "svj_auth_check_duration_seconds", help: "Time of accepted auth checks (the figure /compare shows).", labelNames: ["mode", "cache"] as const, buckets: CHECK_SECONDS, registers }),
    authCheckQueries: new Counter({
      name: "svj_auth_check_db_queries_total",
      help: "Database queries made inside auth checks (Prisma's query events).",
      labelNames: ["mode", "cache"] as const,
      registers,
      collect() {
        sumByModeAndCache(this, tally, (row) => row.queries);
      },
    }),
    authCheckRedis: new Counter({
      name: "svj_auth_check_redis_operations_total",
      help: "Redis operations made inside auth checks.",
      labelNames: ["mode", "cache"] as const,
      registers,
      collect() {
        sumByModeAndCache(this, tally, (row) => row.redisOperations);
      },
    }),
    dbQueries: new Counter({ name: "svj_db_queries_total", help: "Database queries this process made (Prisma's query events).", registers }),
    dbUp: new Gauge({ name: "svj_db_up", help: "1, or 0 while this instance finds the database unreachable.", registers }),
    dbUnavailable: new Counter({ name: "svj_db_unavailable_total", help: "Operations that failed, or were served unchecked, because the database was unreachable.", registers }),
    redisOperations: new Counter({ name: "svj_redis_operations_total", help: "Commands the shared state sent to Redis, by operation and outcome.", labelNames: ["operation", "outcome"] as const, registers }),
    revocations: new Counter({ name: "svj_revocations_total", help: "Writes that change what an auth check decides (each calls invalidateChecks once).", registers }),
    invalidationsPublished: new Counter({ name: "svj_invalidations_published_total", help: "Invalidation messages published (SESSION_CACHE=push).", labelNames: ["outcome"] as const, registers }),
    invalidationsReceived: new Counter({ name: "svj_invalidations_received_total", help: "Invalidation messages received from other instances.", registers }),
    invalidationLag: new Histogram({ name: "svj_invalidation_lag_seconds", help: "From an invalidation's publish on one instance to its receipt on this one.", buckets: LAG_SECONDS, registers }),
    info: new Gauge({
      name: "svj_instance_info",
      help: "Which instance and configuration produced these figures (always 1).",
      labelNames: ["instance", "session_cache", "jwt_revocation_check"] as const,
      registers,
      // Read at scrape time: the configuration is parsed once per process anyway, and recording
      // a check must not depend on it.
      collect() {
        const config = getConfig();
        this.set({ instance: instanceName(), session_cache: config.SESSION_CACHE, jwt_revocation_check: config.JWT_REVOCATION_CHECK }, 1);
      },
    }),
  };
  exporter.dbUp.set(1);
  for (const outcome of ["ok", "error"]) exporter.invalidationsPublished.inc({ outcome }, 0);
  onDatabaseQuery(() => exporter.dbQueries.inc());
  onRedisOperation((operation: RedisOperation, ok: boolean) => exporter.redisOperations.inc({ operation, outcome: ok ? "ok" : "error" }));
  return exporter;
}

/**
 * A per-check cost summed by mode and cache state, with zeros for every combination: "no query
 * per cached check" is a figure (0) a ratio can use, where a missing series would be no answer.
 */
function sumByModeAndCache(counter: Counter<"mode" | "cache">, tally: CheckTally, cost: (row: TallyRow) => number): void {
  counter.reset();
  for (const mode of AUTH_MODES) for (const cache of ["hit", "miss"]) counter.inc({ mode, cache }, 0);
  for (const row of tally.rows()) counter.inc({ mode: row.mode, cache: row.cache }, cost(row));
}

/** The process's one exporter (pages and route handlers are separate bundles in one process). */
function exporter() {
  return processLocal("metrics:prometheus", createExporter);
}

/** Started at boot (instrumentation.ts), so queries and Redis calls before the first check count too. */
export function startPrometheusMetrics(): void {
  exporter();
}

export interface ExportedCheck {
  mode: string;
  /** "accepted", or the refusal's code. */
  outcome: string;
  servedFromCache: boolean;
  micros: number;
  queries: number;
  redisOperations: number;
}

/** Refusal codes are our own snake_case literals; anything else is folded, so labels stay few. */
const outcomeLabel = (outcome: string) => (/^[a-z][a-z0-9_]{0,47}$/.test(outcome) ? outcome : "other");

/** Called by recordAuthCheck (auth-metrics.ts) with the sample the DAL measured once. */
export function exportAuthCheck(check: ExportedCheck): void {
  const { tally, authCheckSeconds } = exporter();
  const cache = check.servedFromCache ? "hit" : "miss";
  tally.add(check.mode, outcomeLabel(check.outcome), cache, check.queries, check.redisOperations);
  if (check.outcome === "accepted") authCheckSeconds.observe({ mode: check.mode, cache }, check.micros / 1e6);
}

export function exportRevocation(): void {
  exporter().revocations.inc();
}

export function exportInvalidationPublished(ok: boolean): void {
  exporter().invalidationsPublished.inc({ outcome: ok ? "ok" : "error" });
}

/** `lagMs`: null when the message carried no time of its own (an older instance's). */
export function exportInvalidationReceived(lagMs: number | null): void {
  const { invalidationsReceived, invalidationLag } = exporter();
  invalidationsReceived.inc();
  // Clocks of two hosts may disagree a little: a message "from the future" arrived at once.
  if (lagMs !== null && Number.isFinite(lagMs)) invalidationLag.observe(Math.max(0, lagMs) / 1000);
}

export function exportDatabaseUp(up: boolean): void {
  exporter().dbUp.set(up ? 1 : 0);
}

export function exportDatabaseUnavailable(): void {
  exporter().dbUnavailable.inc();
}

export async function renderPrometheusMetrics(): Promise<{ body: string; contentType: string }> {
  const { registry } = exporter();
  return { body: await registry.metrics(), contentType: registry.contentType };
}

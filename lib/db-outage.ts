import "server-only";

import { onDatabaseQuery, usesRequestDatabase } from "./db.ts";
import { isDatabaseUnavailable } from "./db-errors.ts";
import { errorText, logEvent, type LogFields, type LogLevel } from "./log.ts";
import { exportDatabaseUnavailable, exportDatabaseUp } from "./metrics/prometheus.ts";
import { processLocal } from "./state/process-local.ts";

/**
 * A database outage, logged as what it is: one event when this process finds the database
 * unreachable, one when a query succeeds again, and every request in between counted, not logged
 * (docs/FLEET.md, 'When the database is unreachable').
 */

export interface OutageTracker {
  /** An operation failed because the database is unreachable; `source` is the code it would log. */
  unavailable(source: string, error: unknown): void;
  /** A query succeeded: the outage, if there was one, is over. */
  reachable(): void;
  isDown(): boolean;
}

export interface OutageTrackerOptions {
  clock?: () => number;
  log?: (code: string, fields: LogFields, level: LogLevel) => void;
  onStateChange?: (up: boolean) => void;
  onAffected?: () => void;
}

export function createOutageTracker({ clock = Date.now, log = logEvent, onStateChange, onAffected }: OutageTrackerOptions = {}): OutageTracker {
  let outage: { since: number; affected: number; bySource: Map<string, number> } | null = null;
  return {
    unavailable(source, error) {
      onAffected?.();
      if (outage) {
        outage.affected += 1;
        outage.bySource.set(source, (outage.bySource.get(source) ?? 0) + 1);
        return;
      }
      outage = { since: clock(), affected: 1, bySource: new Map([[source, 1]]) };
      onStateChange?.(false);
      log("database_unreachable", { first: source, reason: outageReason(error) }, "error");
    },
    reachable() {
      if (!outage) return;
      const { since, affected, bySource } = outage;
      outage = null;
      onStateChange?.(true);
      const sources = [...bySource].map(([source, count]) => `${source}=${count}`).join(" ");
      log("database_reachable", { downForMs: clock() - since, affected, sources }, "info");
    },
    isDown: () => outage !== null,
  };
}

/**
 * The driver's reason in one line. Prisma's message starts with the call site (several lines,
 * a source excerpt included) and ends with the cause; node-postgres' is one line already.
 */
export function outageReason(error: unknown): string {
  if (error === undefined) return "unknown";
  const code = (error as { code?: unknown } | null)?.code;
  const lines = errorText(error).split("\n").map((line) => line.trim()).filter((line) => line !== "");
  return `${typeof code === "string" ? `${code} ` : ""}${lines.at(-1) ?? ""}`.slice(0, 300);
}

function processTracker(): OutageTracker {
  return processLocal("db:outage", () => {
    const tracker = createOutageTracker({ onStateChange: exportDatabaseUp, onAffected: exportDatabaseUnavailable });
    // Prisma reports successful queries only: the first one after an outage ends it.
    onDatabaseQuery(() => tracker.reachable());
    return tracker;
  });
}

export interface FailureReport {
  fields?: LogFields;
  level?: LogLevel;
  /**
   * Log this one even within an outage: it is a security fact of its own (a token served
   * unchecked, a logout whose revocation was not written), not just one more request that met
   * the outage. The driver's reason stays in the outage's own event.
   */
  everyTime?: boolean;
  /** The caller already knows it was the database being unreachable (it has no error to show). */
  unavailable?: boolean;
}

/**
 * A database operation failed. An outage of the process's database is counted into the
 * outage (above); anything else — a bug, or the outage lab's deliberately broken database for
 * its own requests, whose events the lab shows — is logged as before, once per occurrence.
 */
export function reportDatabaseFailure(code: string, error: unknown, report: FailureReport = {}): void {
  const { fields = {}, level = "error", everyTime = false } = report;
  const unavailable = report.unavailable ?? isDatabaseUnavailable(error);
  const outage = unavailable && !usesRequestDatabase();
  if (outage) processTracker().unavailable(code, error);
  if (outage && !everyTime) return;
  const detail = outage ? {} : { error: unavailable ? outageReason(error) : errorText(error) };
  logEvent(code, { ...fields, ...detail }, level);
}

/** Tests: whether this process is inside an outage now. */
export function databaseOutageOngoing(): boolean {
  return processTracker().isDown();
}

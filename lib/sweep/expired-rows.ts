import "server-only";

import { randomUUID } from "node:crypto";
import { strategies } from "../auth/registry.ts";
import { AUTH_MODES } from "../auth/types.ts";
import { instanceName } from "../instance-name.ts";
import { errorText, logEvent } from "../log.ts";
import { sharedState } from "../state/index.ts";

/**
 * Deletes the rows nothing will ever accept again; each mode says what "ended" means
 * (AuthStrategy.sweepExpired), this module says when and who: one sweeper per fleet by a lease,
 * a retention after the end for clocks that differ (docs/CONFIGURATION.md, 'Expired rows').
 */

export const SWEEP_LEASE_KEY = "sweep:expired-rows";
export const RETAIN_AFTER_END_MS = 60 * 60 * 1000;
const BATCH_SIZE = 500;
/** No new batch after this long; the lease outlasts it, so one sweep never overlaps the next. */
const RUN_BUDGET_MS = 2 * 60 * 1000;
const LEASE_MS = 2 * RUN_BUDGET_MS;

export type SweepOutcome =
  | { swept: true; deleted: Record<string, number>; before: Date; ms: number }
  | { swept: false; reason: "lease_held" | "state_unavailable" };

export async function sweepExpiredRows(now: Date = new Date(), options: { batchSize?: number } = {}): Promise<SweepOutcome> {
  const { leases } = sharedState();
  const holder = `${instanceName()}:${randomUUID()}`;
  try {
    if (!(await leases.acquire(SWEEP_LEASE_KEY, holder, LEASE_MS))) return { swept: false, reason: "lease_held" };
  } catch (error) {
    // No lease, no sweep: the rows wait for the next one, which is all an outage costs here.
    logEvent("expiry_sweep_skipped", { reason: "state_unavailable", error: errorText(error) });
    return { swept: false, reason: "state_unavailable" };
  }
  const started = Date.now();
  try {
    const before = new Date(now.getTime() - RETAIN_AFTER_END_MS);
    const limits = { batchSize: options.batchSize ?? BATCH_SIZE, stopAt: started + RUN_BUDGET_MS };
    const deleted: Record<string, number> = {};
    for (const mode of AUTH_MODES) Object.assign(deleted, await strategies[mode].sweepExpired(before, limits));
    const ms = Date.now() - started;
    logEvent("expired_rows_swept", { ...deleted, before: before.toISOString(), ms }, "info");
    return { swept: true, deleted, before, ms };
  } finally {
    // A release that fails leaves the lease to run out: the next sweep is only later.
    await leases.release(SWEEP_LEASE_KEY, holder).catch((error: unknown) => logEvent("expiry_sweep_release_failed", { error: errorText(error) }));
  }
}

import "server-only";

import { getConfig } from "../env.ts";
import { errorText, logEvent } from "../log.ts";
import { processLocal } from "../state/process-local.ts";
import { sweepExpiredRows } from "./expired-rows.ts";

/**
 * Every instance schedules a sweep each SWEEP_INTERVAL_SECONDS (0: never); the lease lets one
 * of them run it. The first comes at a random moment within the first interval (at most five
 * minutes), so a fleet restarted at once does not queue on the lease at the same second. The
 * timers are unref'd: they never keep a process alive that is otherwise done.
 */
const FIRST_SWEEP_MAX_DELAY_MS = 5 * 60 * 1000;

export function startExpirySweeper(random: () => number = Math.random): boolean {
  const intervalSeconds = getConfig().SWEEP_INTERVAL_SECONDS;
  if (intervalSeconds === 0) return false;
  processLocal("sweep:timer", () => {
    const intervalMs = intervalSeconds * 1000;
    const run = () => void sweepExpiredRows().catch((error: unknown) => logEvent("expiry_sweep_failed", { error: errorText(error) }, "error"));
    const first = setTimeout(() => {
      run();
      setInterval(run, intervalMs).unref();
    }, Math.floor(random() * Math.min(intervalMs, FIRST_SWEEP_MAX_DELAY_MS)));
    first.unref();
    return first;
  });
  return true;
}

import "server-only";

import { readdir, readFile } from "node:fs/promises";
import { cpus } from "node:os";
import { join } from "node:path";
import { cookieAttributes } from "../auth/cookies.ts";
import { getConfig } from "../env.ts";
import { instanceName } from "../instance-name.ts";
import { latestLabResult } from "../labs/store.ts";
import { errorText, logEvent } from "../log.ts";
import { authMetricsSince, authMetricsSnapshot } from "../metrics/auth-metrics.ts";
import { fleetRevocationReach, type FleetReach } from "./fleet-reach.ts";
import { headlines, type HeadlineInputs } from "./headlines.ts";
import type { Headline } from "./types.ts";

/**
 * Gathers what the headline verdicts are made of: this process's metrics, the latest
 * stolen-credential run (shared state: the same on every instance with REDIS_URL), the committed
 * fleet bench. /compare and the decision record both read them from here.
 */

const BENCH_DIR = join(process.cwd(), "docs", "bench");

async function readFleetReach(sessionCache: string): Promise<FleetReach | null> {
  try {
    const files = (await readdir(BENCH_DIR)).filter((file) => /^http-[a-z-]+-fleet\.json$/.test(file)).sort();
    for (const file of files) {
      const reach = fleetRevocationReach(JSON.parse(await readFile(join(BENCH_DIR, file), "utf8")), sessionCache);
      if (reach) return reach;
    }
  } catch (error) {
    // A deployment without docs/bench/ shows the action that measures it instead.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") logEvent("bench_results_unreadable", { error: errorText(error) });
  }
  return null;
}

export async function loadHeadlineInputs(): Promise<HeadlineInputs> {
  const config = getConfig();
  const [stolen, fleetReach] = await Promise.all([latestLabResult("stolen-credential"), readFleetReach(config.SESSION_CACHE)]);
  const cores = cpus();
  return {
    machine: `${instanceName()}, ${cores.length} cores (${cores[0]?.model.trim() ?? "unknown CPU"})`,
    metricsSince: authMetricsSince().toISOString(),
    sessionCache: config.SESSION_CACHE,
    revocationCheck: config.JWT_REVOCATION_CHECK,
    snapshot: authMetricsSnapshot(),
    stolen,
    fleetReach,
    cookieHttpOnly: cookieAttributes({ name: "probe", value: "", maxAge: 0 }, false).httpOnly,
  };
}

export async function loadHeadlines(): Promise<Headline[]> {
  return headlines(await loadHeadlineInputs());
}

import type { AuthMode } from "../auth/modes.ts";
import type { Costs } from "./costs.ts";
import type { ReaderInputs } from "./inputs.ts";
import { modelMode, type Component, type ModeResult } from "./model.ts";
import type { ModeSaturation } from "./saturation.ts";

/**
 * One line per saturation point: what a team does when that component is full, in this mode
 * and configuration — the usual ways out (read replicas, a Redis cluster, the push cache,
 * shorter tokens, a hybrid), each with what it costs in revocation.
 */
export function adviceFor(mode: AuthMode, component: Component, result: ModeResult, inputs: ReaderInputs): string {
  if (component === "app CPU") {
    const share = result.appCores > 0 ? Math.round((result.authCores / result.appCores) * 100) : 0;
    return `Add instances or cores: ${mode === "session" ? "session checks" : "JWT checks"} need nothing from the process they run in, so any instance serves any request (authentication is ${share} % of this CPU).`;
  }
  if (component === "Redis") {
    return inputs.sessionCache === "push" && result.pubsub.deliveredPerSecond > 0
      ? "Every invalidation goes to every instance: shard the channel (Redis 7's sharded pub/sub, SPUBLISH) or run fewer, larger instances; a Redis cluster spreads the login throttles by key."
      : "A Redis cluster spreads the login throttles by key; nothing on the request path needs Redis.";
  }
  const readShare = result.dbReadsPerSecond / Math.max(1, result.dbReadsPerSecond + result.dbWritesPerSecond);
  if (readShare < 0.5) {
    return mode === "session"
      ? "Writes dominate (logins, lastSeenAt touches): partition the session table by user, and touch less often (SESSION_TOUCH_INTERVAL_SECONDS)."
      : "Writes dominate (logins, refreshes, logouts): partition refresh families by user, or longer access tokens — fewer refreshes, a longer revocation gap without the check.";
  }
  if (mode === "session") {
    return inputs.sessionCache === "off"
      ? "Every check reads the primary: SESSION_CACHE=push answers returning credentials from memory and keeps revocation immediate; read replicas take the reads, with their replication lag as revocation lag."
      : "The cache misses grow with instances (each holds its own copy): balance each login to fewer instances, or move the session read to replicas, accepting their lag as revocation lag.";
  }
  if (inputs.jwtRevocationCheck === "none") return "Logins and refreshes fill it: longer refresh families or fewer logins; the checks themselves read nothing.";
  const cache =
    inputs.sessionCache === "push"
      ? "each instance's cache holds less of the traffic as instances grow: balance each login to fewer instances"
      : "SESSION_CACHE=push answers returning tokens from memory";
  return `The denylist check reads on every miss: ${cache}; replicas for the check (their lag is revocation lag); or a hybrid — JWT_REVOCATION_CHECK=none with short tokens on most routes, the check only where a revoked token must stop at once.`;
}

export interface SaturationLine {
  component: Component;
  /** 0: full from the load-independent work alone. */
  atRps: number;
  advice: string;
}

/** The components the load fills, in order, each with the advice for the mix at that load. */
export function saturationLines(mode: AuthMode, saturation: ModeSaturation, inputs: ReaderInputs, costs: Costs, pushP99Ms: number | null): SaturationLine[] {
  return saturation.each
    .filter((entry): entry is { component: Component; atRps: number } => entry.atRps !== null)
    .sort((a, b) => a.atRps - b.atRps)
    .map((entry) => {
      const there = modelMode(mode, { ...inputs, peakRps: entry.atRps > 0 ? entry.atRps : inputs.peakRps }, costs, pushP99Ms);
      return { ...entry, advice: adviceFor(mode, entry.component, there, inputs) };
    });
}

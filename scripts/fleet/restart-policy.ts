// What the supervisor (scripts/fleet/supervisor.ts) does when an instance exits without being
// asked to: restart it after a delay that doubles with each crash in a row, and give up — stop
// the whole fleet, saying why — only when the crashes come too fast to be bad luck. A value in,
// a decision out, the time passed in by the caller: unit-tested with a fake clock
// (restart-policy.test.ts), kept apart from the process juggling.

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  crashLoopCrashes: number;
  crashLoopWindowMs: number;
  stableAfterMs: number;
}

export type RestartDecision = { action: "restart"; delayMs: number; crashes: number } | { action: "stop"; reason: string };

/** The fleet's defaults; the tests pass their own. */
export const DEFAULT_RESTART_POLICY: Readonly<RestartPolicy> = Object.freeze({
  // The first restart is nearly immediate: one crash is the case a fleet exists for, and the
  // other instances carry the traffic meanwhile (HAProxy retries what the crash refused).
  firstDelayMs: 500,
  // Doubling per crash in a row, capped: a broken instance must not hog the CPU the healthy
  // ones need, but a fixed environment (a database back up) is picked up within seconds.
  maxDelayMs: 8_000,
  // This many crashes of one instance within the window is a loop, not bad luck: a bug that
  // kills it on every start, or an environment it cannot run in. Restarting for ever would
  // hide that behind a fleet that looks up; stopping says it plainly.
  crashLoopCrashes: 5,
  crashLoopWindowMs: 60_000,
  // An instance that stayed up this long after a restart is healthy again: the next crash
  // starts the backoff from the beginning.
  stableAfterMs: 30_000,
});

/**
 * One instance's history. `started(now)` when its process starts; `exited(now, how)` when it
 * exits unasked, with `how` the exit code or signal for the reason (e.g. "exit 1", "SIGKILL").
 */
export function createRestartPolicy(
  name: string,
  policy: Readonly<RestartPolicy> = DEFAULT_RESTART_POLICY,
): { started(now: number): void; exited(now: number, how: string): RestartDecision } {
  /** Times of the crashes still inside the window. */
  let crashes: number[] = [];
  let inARow = 0;
  let startedAt: number | null = null;

  return {
    started(now) {
      startedAt = now;
    },
    exited(now, how) {
      if (startedAt !== null && now - startedAt >= policy.stableAfterMs) inARow = 0;
      startedAt = null;
      crashes = [...crashes.filter((at) => now - at < policy.crashLoopWindowMs), now];
      inARow += 1;
      if (crashes.length >= policy.crashLoopCrashes) {
        const seconds = Math.round(policy.crashLoopWindowMs / 1000);
        return { action: "stop", reason: `${name} crashed ${crashes.length} times within ${seconds} s (last: ${how}): a crash loop, not bad luck` };
      }
      const delayMs = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (inARow - 1));
      return { action: "restart", delayMs, crashes: crashes.length };
    },
  };
}

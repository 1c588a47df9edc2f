/** Types for restart-policy.mjs (plain JavaScript, so `node scripts/fleet.mjs` runs without a compiler). */
export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  crashLoopCrashes: number;
  crashLoopWindowMs: number;
  stableAfterMs: number;
}
export type RestartDecision = { action: "restart"; delayMs: number; crashes: number } | { action: "stop"; reason: string };
export const DEFAULT_RESTART_POLICY: Readonly<RestartPolicy>;
export function createRestartPolicy(
  name: string,
  policy?: RestartPolicy,
): { started(now: number): void; exited(now: number, how: string): RestartDecision };

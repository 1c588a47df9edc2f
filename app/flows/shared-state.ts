import type { FlowStep } from "./flow-types";

/**
 * The flows are written for a fleet, where counters and caches live in Redis. This server may
 * run without REDIS_URL: then that state is this process's memory (lib/state/), no message
 * crosses a network, and /flows — which claims to draw this server's configuration — shows
 * those steps as the server's own work, without a Redis lane.
 */
export function drawSharedState(steps: FlowStep[], redis: boolean): FlowStep[] {
  if (redis) return steps;
  return steps.flatMap((step): FlowStep[] => {
    if (step.from === "redis") return [];
    if (step.to !== "redis") return [step];
    return [
      {
        from: step.from,
        to: step.from,
        label: `${step.label} (in memory)`,
        text: `${step.text} On this server (no REDIS_URL) it is this process's own memory: no network, and a second instance would keep counts of its own.`,
        code: step.code,
      },
    ];
  });
}

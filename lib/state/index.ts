import "server-only";

import { getConfig } from "../env.ts";
import { createMemoryState } from "./memory.ts";
import { existingProcessLocal, processLocal, replaceProcessLocal } from "./process-local.ts";
import { createRedisState } from "./redis.ts";
import type { SharedState } from "./types.ts";

export { processLocal } from "./process-local.ts";
export type { SharedState, Subscription, WindowSummary } from "./types.ts";

/**
 * The process's handle on shared state: Redis when REDIS_URL is set (a fleet shares it),
 * memory otherwise (the single-process default, gone on restart).
 */
export function sharedState(): SharedState {
  return processLocal("shared-state", () => {
    const { REDIS_URL } = getConfig();
    return REDIS_URL ? createRedisState(REDIS_URL) : createMemoryState();
  });
}

/** Tests: use this state (or, with none, pick again from the configuration next time). */
export function useSharedStateForTests(state?: SharedState): void {
  replaceProcessLocal("shared-state", state);
}

/** Tests: close the process's state if one was made (its Redis connections keep a process alive). */
export async function closeSharedStateForTests(): Promise<void> {
  await existingProcessLocal<SharedState>("shared-state")?.close();
  replaceProcessLocal("shared-state");
}

import "server-only";

import { getConfig } from "../env.ts";
import { createMemoryState } from "./memory.ts";
import { existingProcessLocal, processLocal, replaceProcessLocal } from "./process-local.ts";
import { createRedisState, type RedisOperation, type RedisOperationListener } from "./redis.ts";
import type { SharedState } from "./types.ts";

export { processLocal } from "./process-local.ts";
export type { RedisOperation } from "./redis.ts";
export type { SharedState, Subscription, WindowSummary } from "./types.ts";

// Per process, like the state they hear (pages and route handlers are separate bundles).
const redisListeners = processLocal("state:redis-listeners", () => new Set<RedisOperationListener>());

/** Lets the measurement core count Redis commands as they are sent, not as we guess them. */
export function onRedisOperation(listener: RedisOperationListener): () => void {
  redisListeners.add(listener);
  return () => redisListeners.delete(listener);
}

function tellRedisListeners(operation: RedisOperation, ok: boolean): void {
  for (const listener of redisListeners) listener(operation, ok);
}

/**
 * The process's handle on shared state: Redis when REDIS_URL is set (a fleet shares it),
 * memory otherwise (the single-process default, gone on restart).
 */
export function sharedState(): SharedState {
  return processLocal("shared-state", () => {
    const { REDIS_URL } = getConfig();
    return REDIS_URL ? createRedisState(REDIS_URL, undefined, tellRedisListeners) : createMemoryState();
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

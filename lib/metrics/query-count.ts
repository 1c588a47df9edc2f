import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { onDatabaseQuery } from "../db.ts";
import { onRedisOperation } from "../state/index.ts";
import { processLocal } from "../state/process-local.ts";

/**
 * Counts the database queries made inside one piece of async work, as Prisma reports them
 * (its `query` event), not as we assume them — and the Redis commands, as the shared state
 * reports them. AsyncLocalStorage keeps concurrent requests' counts apart.
 */

export interface WorkCosts {
  queries: number;
  redisOperations: number;
}

export type QueryCounter = <T>(work: () => PromiseLike<T>) => Promise<{ result: T } & WorkCosts>;

type Subscribe = (listener: () => void) => unknown;

/** A counter over any sources of events: the app's listens to Prisma and Redis, tests bring their own. */
export function createQueryCounter(subscribeQueries: Subscribe, subscribeRedis?: Subscribe): QueryCounter {
  const scope = new AsyncLocalStorage<WorkCosts>();
  let listening = false;
  return async (work) => {
    if (!listening) {
      listening = true;
      subscribeQueries(() => {
        const store = scope.getStore();
        if (store) store.queries += 1;
      });
      subscribeRedis?.(() => {
        const store = scope.getStore();
        if (store) store.redisOperations += 1;
      });
    }
    const store = { queries: 0, redisOperations: 0 };
    // Awaited inside the scope: Prisma's queries are lazy and start on `then`, so a query
    // handed back unawaited would otherwise run, and be counted, outside it.
    const result = await scope.run(store, async () => await work());
    return { result, ...store };
  };
}

// One counter per process, like the Prisma client it listens to (pages and route handlers may
// be separate bundles): a second one would subscribe twice.
export const countQueries: QueryCounter = (work) =>
  processLocal("metrics:query-counter", () => createQueryCounter(onDatabaseQuery, onRedisOperation))(work);

import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { onDatabaseQuery } from "../db.ts";
import { processLocal } from "../state/process-local.ts";

/**
 * Counts the database queries made inside one piece of async work, as Prisma reports them
 * (its `query` event), not as we assume them. AsyncLocalStorage keeps concurrent requests'
 * counts apart.
 */

export type QueryCounter = <T>(work: () => PromiseLike<T>) => Promise<{ result: T; queries: number }>;

/** A counter over any source of query events: the app's listens to Prisma, tests bring their own. */
export function createQueryCounter(subscribe: (listener: () => void) => unknown): QueryCounter {
  const scope = new AsyncLocalStorage<{ queries: number }>();
  let listening = false;
  return async (work) => {
    if (!listening) {
      listening = true;
      subscribe(() => {
        const store = scope.getStore();
        if (store) store.queries += 1;
      });
    }
    const store = { queries: 0 };
    // Awaited inside the scope: Prisma's queries are lazy and start on `then`, so a query
    // handed back unawaited would otherwise run, and be counted, outside it.
    const result = await scope.run(store, async () => await work());
    return { result, queries: store.queries };
  };
}

// One counter per process, like the Prisma client it listens to (pages and route handlers may
// be separate bundles): a second one would subscribe twice.
export const countQueries: QueryCounter = (work) => processLocal("metrics:query-counter", () => createQueryCounter(onDatabaseQuery))(work);

import { AsyncLocalStorage } from "node:async_hooks";
import { onDatabaseQuery } from "../db.ts";

/**
 * Counts the database queries made inside one piece of async work, as Prisma reports them
 * (its `query` event), not as we assume them. AsyncLocalStorage keeps concurrent requests'
 * counts apart.
 */
const scope = new AsyncLocalStorage<{ queries: number }>();
const globalForCount = globalThis as typeof globalThis & { __svjQueryCounter?: boolean };

function ensureListening() {
  if (globalForCount.__svjQueryCounter) return;
  globalForCount.__svjQueryCounter = true;
  onDatabaseQuery(() => {
    const store = scope.getStore();
    if (store) store.queries += 1;
  });
}

export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  ensureListening();
  const store = { queries: 0 };
  const result = await scope.run(store, work);
  return { result, queries: store.queries };
}

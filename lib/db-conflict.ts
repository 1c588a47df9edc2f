import { setTimeout as sleep } from "node:timers/promises";

/**
 * A serializable transaction that lost a race: PostgreSQL aborts one of two conflicting
 * transactions (SQLSTATE 40001). Prisma reports it as P2034, or — through a driver adapter —
 * as a DriverAdapterError whose cause names TransactionWriteConflict (found by a black-box
 * pass: two admins demoting each other at once got a 500). Either way: run it again.
 */
export function isWriteConflict(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (code === "P2034" || code === "40001") return true;
  if (typeof message === "string" && /TransactionWriteConflict|could not serialize access/.test(message)) return true;
  return cause !== undefined && cause !== error && isWriteConflict(cause);
}

/** Retries a transaction that lost a race, with a little jitter so the two do not collide again. */
export async function withWriteConflictRetry<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= attempts) throw error;
      await sleep(Math.random() * 20 * attempt);
    }
  }
}

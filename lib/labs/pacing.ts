import "server-only";

import { chargeWithinCap } from "../state/limits.ts";
import { processLocal, sharedState, type SharedState } from "../state/index.ts";

/**
 * Every lab run costs argon2 hashes, a throwaway user and a dozen requests; the browser labs
 * (storage, cross-origin) cost a throwaway user and a token. At most RUNS_PER_USER in any minute
 * per logged-in user, RUNS_PER_MINUTE across everyone, counted in the shared state (with
 * REDIS_URL, across every instance: a fleet does not multiply the budget).
 * Accounts are free, so "per user" alone would let a few accounts use up everyone's minute
 * (six accounts × five runs was the whole budget): a user's second and later runs in a minute
 * share only REPEAT_RUNS_PER_MINUTE of it, and the rest is kept for users' first run that
 * minute. Taking that reserve too needs that many fresh accounts every minute, and sign-ups
 * are throttled per client address. Runs in one process also take turns, so they never
 * compete for its CPU.
 */
export const RUNS_PER_MINUTE = 30;
export const RUNS_PER_USER = 5;
export const REPEAT_RUNS_PER_MINUTE = 20;
const MINUTE = 60_000;

export type Paced<T> = { ran: true; value: T } | { ran: false; retryAfterSeconds: number; scope: "user" | "everyone" };

/** `refunded`: an outcome that did not really run (a refusal) gives the charges back. */
export async function paceLabRun<T>(userId: string, run: () => Promise<T>, refunded: (value: T) => boolean = () => false, now = Date.now(), state: SharedState = sharedState()): Promise<Paced<T>> {
  const userKey = `labs:runs:user:${userId}`;
  const mine = await chargeWithinCap(state.windows, userKey, RUNS_PER_USER, MINUTE, now);
  if (!mine.allowed) return { ran: false, retryAfterSeconds: mine.retryAfterSeconds, scope: "user" };
  const cap = mine.count === 1 ? RUNS_PER_MINUTE : REPEAT_RUNS_PER_MINUTE;
  const all = await chargeWithinCap(state.windows, "labs:runs:all", cap, MINUTE, now);
  if (!all.allowed) {
    await state.windows.remove(userKey, mine.id);
    return { ran: false, retryAfterSeconds: all.retryAfterSeconds, scope: "everyone" };
  }
  const queue = processLocal("labs:run-queue", () => ({ tail: Promise.resolve() as Promise<unknown> }));
  const turn = queue.tail.then(run, run);
  queue.tail = turn.catch(() => undefined);
  const value = await turn;
  if (refunded(value)) await Promise.all([state.windows.remove(userKey, mine.id), state.windows.remove("labs:runs:all", all.id)]);
  return { ran: true, value };
}

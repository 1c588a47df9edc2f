import type { Measure, Verdict } from "../types.ts";

/**
 * The sticky-sessions lab's judgement, from answer codes and the instance the balancer named
 * (X-Instance) for each answer. Requests were pinned to one instance (the holder), the holder
 * "crashed", and each credential was asked for again through the same pin.
 */

/** memory: the toy per-process store; database: session mode's Session table; token: a JWT. */
export type StickyStore = "memory" | "database" | "token";

export interface PinnedAnswer {
  /** The instance the balancer says answered, or null (no answer, or no X-Instance). */
  instance: string | null;
  /** answerCode() of the answer. */
  code: string;
}

export interface StoreObservation {
  store: StickyStore;
  /** Answers before the crash, all through the pin. */
  before: PinnedAnswer[];
  /** The first answer after the balancer noticed the crash, through the same pin. */
  after: PinnedAnswer;
}

export interface StickyObservation {
  /** The instance the pin named: the one that answered the toy login. */
  holder: string;
  stores: StoreObservation[];
}

const STORE_WORDS: Record<StickyStore, string> = {
  memory: "the in-memory session",
  database: "the database-store session",
  token: "the token",
};

const accepted = (answer: PinnedAnswer) => answer.code === "accepted";

export function judgeStickyFailover(seen: StickyObservation): { verdict: Verdict; measures: Record<string, Measure> } {
  const { holder, stores } = seen;
  const memory = stores.find((store) => store.store === "memory");
  const shared = stores.filter((store) => store.store !== "memory");
  const before = stores.flatMap((store) => store.before);
  const movedTo = [...new Set(stores.map((store) => store.after.instance).filter((name) => name !== null && name !== holder))];
  const measures = {
    holder,
    failedOverTo: movedTo.length === 1 ? movedTo[0]! : null,
    pinnedRequests: before.filter((answer) => answer.instance === holder).length,
    unpinnedRequests: before.filter((answer) => answer.instance !== holder).length,
    stickyUserLoggedOut: memory ? !accepted(memory.after) : null,
    sharedStoreUserKept: shared.length > 0 && shared.every((store) => accepted(store.after)),
  };
  const reasonCodes = stores.map((store) => store.after.code);
  const verdict = (outcome: string, tone: Verdict["tone"], headline: string) => ({ measures, verdict: { outcome, tone, headline, reasonCodes } });

  const neverWorked = stores.find((store) => !store.before.every(accepted));
  if (neverWorked) return verdict("never_worked", "inconclusive", `Before any crash, ${STORE_WORDS[neverWorked.store]} was not accepted; nothing can be concluded.`);
  if (measures.unpinnedRequests > 0) {
    return verdict("not_pinned", "inconclusive", `The balancer did not keep the pinned requests on ${holder} (${measures.unpinnedRequests} went elsewhere): no sticky session to lose.`);
  }
  if (stores.some((store) => store.after.instance === null)) return verdict("no_answer", "inconclusive", "After the crash a request got no answer from any instance; nothing can be concluded.");
  if (stores.some((store) => store.after.instance === holder)) {
    return verdict("no_failover", "inconclusive", `After the crash the balancer still sent the pinned requests to ${holder}: it never failed over.`);
  }
  const other = movedTo.join(", ");
  if (memory && accepted(memory.after)) {
    return verdict("memory_survived", "inconclusive", `${other} knew the in-memory session of crashed ${holder}: that store was not process-local after all.`);
  }
  const lost = shared.filter((store) => !accepted(store.after));
  if (lost.length > 0) {
    const what = lost.map((store) => `${STORE_WORDS[store.store]} (${store.after.code})`).join(" and ");
    return verdict("shared_store_lost_user", "exposed", `After ${holder} crashed, ${other} refused ${what}: the user was logged out although nothing was kept on ${holder}.`);
  }
  const kept = shared.map((store) => STORE_WORDS[store.store]).join(" and ");
  if (memory) {
    const headline = `After ${holder} crashed, the balancer sent the pinned user to ${other}: it had never seen the in-memory session (${memory.after.code}), a forced logout — while ${kept} was served by ${other}, nothing lost.`;
    return verdict("sticky_logged_out_shared_kept", "safe", headline);
  }
  return verdict("stateless_kept", "safe", `After ${holder} crashed, ${other} verified ${kept} on its own and served the user: there was no server-side session to lose.`);
}

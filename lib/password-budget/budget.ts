import "server-only";

import { availableParallelism } from "node:os";
import { getConfig } from "../env.ts";
import { logEvent } from "../log.ts";
import { processLocal, replaceProcessLocal } from "../state/process-local.ts";
import { TokenBucket, type BucketPolicy } from "./token-bucket.ts";

/**
 * One budget in front of every argon2 hash and verify a request can trigger, so anonymous work is
 * refused early (429 + Retry-After) instead of queueing the owners' logins behind it. Per process,
 * since what runs out is this process's CPU; "owner" callers may spend all of it, "anonymous" ones
 * leave a quarter (docs/SECURITY.md, 'The hashing budget').
 */

export type HashingCaller = "owner" | "anonymous";
export type HashingVerdict = { ok: true } | { ok: false; retryAfterSeconds: number };

const BUCKET = "password-budget:bucket";
/** A conservative default: ≈10–20 % of each core on hashing at OWASP's argon2id parameters. */
const DEFAULT_HASHES_PER_CORE_PER_SECOND = 8;
const ANONYMOUS_LEAVES = 0.25;
/** Shedding counts as over once nothing was shed for this long. */
const QUIET_MS = 10_000;

export function hashingPolicy(config = getConfig(), cores = availableParallelism()): BucketPolicy {
  const ratePerSecond = config.PASSWORD_HASHES_PER_SECOND ?? DEFAULT_HASHES_PER_CORE_PER_SECOND * cores;
  return { ratePerSecond, burst: config.PASSWORD_HASH_BURST ?? Math.max(4, Math.ceil(2 * ratePerSecond)) };
}

/**
 * Takes `operations` (argon2 hashes or verifies the caller is about to run) from the budget, or
 * says how long to wait. Charged before any of them runs, so concurrent requests see each other.
 */
export function spendPasswordHashing(operations: number, caller: HashingCaller, now = Date.now()): HashingVerdict {
  const budget = budgetState(now);
  const keep = caller === "anonymous" ? Math.floor(budget.bucket.policy.burst * ANONYMOUS_LEAVES) : 0;
  const taken = budget.bucket.take(operations, now, keep);
  // Logged once when shedding starts and once it has stopped for a while, with the count: a
  // flood must be seen, but not as one line per refused request (nor per token at its edge).
  if (taken.taken) {
    if (budget.shed > 0 && now - budget.lastShedAt >= QUIET_MS) {
      logEvent("password_hashing_shedding_ended", { shed: budget.shed }, "warn");
      budget.shed = 0;
    }
    return { ok: true };
  }
  if (budget.shed++ === 0) logEvent("password_hashing_shedding", { caller, ...budget.bucket.policy }, "warn");
  budget.lastShedAt = now;
  return { ok: false, retryAfterSeconds: taken.retryAfterSeconds };
}

/** Gives back what a request took but did not use (it was refused by a throttle after all). */
export function refundPasswordHashing(operations: number, now = Date.now()): void {
  budgetState(now).bucket.refund(operations, now);
}

/** The process's bucket, and the requests it refused in the current spell of shedding. */
function budgetState(now: number): { bucket: TokenBucket; shed: number; lastShedAt: number } {
  return processLocal(BUCKET, () => ({ bucket: new TokenBucket(hashingPolicy(), now), shed: 0, lastShedAt: 0 }));
}

/** Tests: the next spend starts from a full bucket under the configuration then in force. */
export function resetPasswordBudgetForTests(): void {
  replaceProcessLocal(BUCKET);
}

import "server-only";

/**
 * Slows down password guessing (OWASP ASVS 5.0 §6.3.1): failures are counted per e-mail and
 * client address, and per e-mail alone with a higher cap, because a client address taken
 * from X-Forwarded-For can be varied by whoever sends it. A success clears the pair's count.
 * In memory, per server process: a deployment with several instances would keep these
 * counts in Redis instead.
 */

export interface ThrottlePolicy {
  maxFailuresPerClient: number;
  maxFailuresPerAccount: number;
  windowSeconds: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const MAX_KEYS = 10_000;

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly policy: ThrottlePolicy) {}

  check(email: string, client: string | null, now: Date): ThrottleVerdict {
    const waits = [
      this.waitFor(`client:${email}|${client ?? "?"}`, this.policy.maxFailuresPerClient, now),
      this.waitFor(`account:${email}`, this.policy.maxFailuresPerAccount, now),
    ];
    const longest = Math.max(...waits);
    return longest > 0 ? { allowed: false, retryAfterSeconds: longest } : { allowed: true };
  }

  recordFailure(email: string, client: string | null, now: Date): void {
    for (const key of [`client:${email}|${client ?? "?"}`, `account:${email}`]) {
      const recent = this.recent(key, now);
      recent.push(now.getTime());
      this.failures.delete(key); // re-insert: Map order doubles as least-recently-failed first
      this.failures.set(key, recent);
    }
    while (this.failures.size > MAX_KEYS) this.failures.delete(this.failures.keys().next().value!);
  }

  /**
   * A success clears the client's count and takes back the attempt it was charged for on
   * the account (attempts are charged before the password check, see sign-in.ts).
   */
  recordSuccess(email: string, client: string | null, chargedAt?: Date): void {
    this.failures.delete(`client:${email}|${client ?? "?"}`);
    const account = this.failures.get(`account:${email}`);
    if (!account || !chargedAt) return;
    const index = account.lastIndexOf(chargedAt.getTime());
    if (index >= 0) account.splice(index, 1);
  }

  /** Seconds until the oldest failure in a full window leaves it; 0 when under the cap. */
  private waitFor(key: string, cap: number, now: Date): number {
    const recent = this.recent(key, now);
    if (recent.length < cap) return 0;
    const oldest = recent[recent.length - cap]!;
    return Math.max(1, Math.ceil((oldest + this.policy.windowSeconds * 1000 - now.getTime()) / 1000));
  }

  private recent(key: string, now: Date): number[] {
    const since = now.getTime() - this.policy.windowSeconds * 1000;
    return (this.failures.get(key) ?? []).filter((at) => at > since);
  }
}

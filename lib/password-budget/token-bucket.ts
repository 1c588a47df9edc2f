/**
 * A token bucket (RFC 2697's idea, without the colours): `ratePerSecond` tokens flow in, up to
 * `burst`; work takes tokens or is refused with how long until enough have flowed back. Pure:
 * the caller passes the clock, so tests freeze it.
 */

export interface BucketPolicy {
  ratePerSecond: number;
  burst: number;
}

export type Take = { taken: true } | { taken: false; retryAfterSeconds: number };

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    readonly policy: BucketPolicy,
    now: number,
  ) {
    this.tokens = policy.burst;
    this.updatedAt = now;
  }

  /** Tokens available at `now` (never more than the burst). */
  level(now: number): number {
    if (now > this.updatedAt) {
      this.tokens = Math.min(this.policy.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.policy.ratePerSecond);
      this.updatedAt = now;
    }
    return this.tokens;
  }

  /**
   * Takes `cost` tokens if at least `keep` would remain afterwards. Work dearer than the whole
   * burst is let through once the bucket is full and leaves a debt, so no request is refused
   * forever just because the bucket was configured small.
   */
  take(cost: number, now: number, keep = 0): Take {
    const needed = Math.min(cost + keep, this.policy.burst);
    const level = this.level(now);
    if (level >= needed) {
      this.tokens = level - cost;
      return { taken: true };
    }
    return { taken: false, retryAfterSeconds: Math.max(1, Math.ceil((needed - level) / this.policy.ratePerSecond)) };
  }

  /** Gives back what a refused or abandoned piece of work took (never above the burst). */
  refund(cost: number, now: number): void {
    this.tokens = Math.min(this.policy.burst, this.level(now) + cost);
  }
}

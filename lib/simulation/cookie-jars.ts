import { exponential } from "./distributions.ts";
import type { Random } from "./prng.ts";

/**
 * SESSION_CACHE=cookie in the simulation: one check cookie per login, in its client's jar, good
 * for `lifetime` seconds wherever it is sent. Whether it is fresh depends on all of the login's
 * requests, most of which land on instances the simulation does not follow request by request;
 * those are drawn lazily, when an observed request needs the jar's state (each one that finds
 * the cookie expired renews it, after a database read on its own instance).
 */
export class CookieJars {
  private readonly issuedAt: Float64Array;
  private readonly nextElsewhere: Float64Array;
  /** Requests drawn elsewhere so far: work the simulation did besides its events. */
  steps = 0;

  constructor(
    logins: number,
    private readonly lifetime: number,
    /** Rate of one login's requests on the instances not simulated one by one. */
    private readonly elsewhereRps: number,
    private readonly random: Random,
  ) {
    this.issuedAt = new Float64Array(logins).fill(Number.NEGATIVE_INFINITY);
    this.nextElsewhere = new Float64Array(logins).fill(Number.NaN);
  }

  /** The requests elsewhere of the login in `slot`, up to `now`. */
  private catchUp(slot: number, now: number): void {
    if (!(this.elsewhereRps > 0)) return;
    let next = this.nextElsewhere[slot]!;
    if (Number.isNaN(next)) next = exponential(this.random, this.elsewhereRps);
    while (next < now) {
      this.steps += 1;
      if (next - this.issuedAt[slot]! >= this.lifetime) this.issuedAt[slot] = next;
      next += exponential(this.random, this.elsewhereRps);
    }
    this.nextElsewhere[slot] = next;
  }

  /** When the jar's check cookie was issued, as of `now`. */
  issued(slot: number, now: number): number {
    this.catchUp(slot, now);
    return this.issuedAt[slot]!;
  }

  fresh(slot: number, now: number): boolean {
    return now - this.issued(slot, now) < this.lifetime;
  }

  renew(slot: number, now: number): void {
    this.issuedAt[slot] = now;
  }

  /** A new login takes the slot: no cookie yet, its requests elsewhere start now. */
  reset(slot: number, now: number): void {
    this.issuedAt[slot] = Number.NEGATIVE_INFINITY;
    this.nextElsewhere[slot] = this.elsewhereRps > 0 ? now + exponential(this.random, this.elsewhereRps) : Number.NaN;
  }
}

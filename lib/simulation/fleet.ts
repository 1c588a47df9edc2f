import { CookieJars } from "./cookie-jars.ts";
import { exponential, logNormal } from "./distributions.ts";
import { EventQueue } from "./event-queue.ts";
import { summarizeFleet, type Instance } from "./fleet-result.ts";
import { LruCache } from "./lru.ts";
import { seededRandom } from "./prng.ts";
import type { FleetResult, FleetScenario } from "./fleet-types.ts";

export type { FleetResult, FleetScenario } from "./fleet-types.ts";

/**
 * N instances behind a balancer that spreads every login's requests evenly, as a seeded
 * discrete-event simulation of the check cache SESSION_CACHE sets up; every answer a cache gives
 * for an ended credential is a stale answer (docs/SCALE.md, 'The simulation').
 */

type Event =
  | { kind: "arrival"; instance: number }
  | { kind: "revocation" }
  | { kind: "replay"; credential: number; until: number }
  | { kind: "delivery"; instance: number; credential: number }
  | { kind: "restart" | "drop-start" | "drop-end"; instance: number };


export function simulateFleet(scenario: FleetScenario): FleetResult {
  const { instances: n, cacheSeconds, perLoginRps } = scenario;
  const observed = Math.min(scenario.observed, n);
  const random = seededRandom(scenario.seed);
  const logins = Math.max(1, Math.round((n * scenario.perInstanceRps) / perLoginRps));
  // Slot → its current credential; ended credentials → when, and the cookie their jar held.
  const credentialOf = Int32Array.from({ length: logins }, (_, slot) => slot);
  let nextCredential = logins;
  const revokedAt = new Map<number, number>();
  const revokedCookie = new Map<number, number>();
  const jars = scenario.cache === "cookie" ? new CookieJars(logins, cacheSeconds, (perLoginRps * (n - observed)) / n, random) : null;
  const fleet: Instance[] = Array.from({ length: observed }, () => ({
    cache: new LruCache(scenario.maxEntries), trusted: true, listening: true, reads: new Int32Array(Math.ceil(scenario.seconds) + 1), steady: { requests: 0, hits: 0 },
  }));
  const dropped = observed > 1 ? 1 : 0;
  const queue = new EventQueue<Event>();
  fleet.forEach((_, instance) => queue.push(exponential(random, scenario.perInstanceRps), { kind: "arrival", instance }));
  if (scenario.revocationsPerSecond > 0) queue.push(exponential(random, scenario.revocationsPerSecond), { kind: "revocation" });
  queue.push(scenario.restartAt, { kind: "restart", instance: 0 });
  queue.push(scenario.drop.at, { kind: "drop-start", instance: dropped });
  queue.push(scenario.drop.at + scenario.drop.seconds, { kind: "drop-end", instance: dropped });
  const replayRps = (perLoginRps * observed) / n;
  const lags: number[] = [];
  const count = { events: 0, requests: 0, stale: 0, draws: 0 };

  /** One request: answered from a cache (stale if its credential was ended), or read. */
  function answer(instance: Instance, credential: number, slot: number | null, now: number): boolean {
    count.requests += 1;
    const ended = revokedAt.has(credential);
    let fromCache: boolean;
    if (jars) {
      fromCache = slot === null ? now - revokedCookie.get(credential)! < cacheSeconds : jars.fresh(slot, now);
    } else {
      const storedAt = instance.trusted ? instance.cache.use(credential) : undefined;
      fromCache = storedAt !== undefined && now - storedAt < cacheSeconds;
      if (storedAt !== undefined && !fromCache) instance.cache.delete(credential);
    }
    if (fromCache) {
      if (ended) count.stale += 1;
      return true;
    }
    // The instances' own figures count their users' reads; a thief's refused replays are apart.
    if (slot !== null) instance.reads[Math.floor(now)]! += 1;
    if (ended) return false;
    if (jars && slot !== null) jars.renew(slot, now);
    else if (instance.trusted) instance.cache.store(credential, now);
    return false;
  }

  function revoke(now: number): void {
    const slot = random.below(logins);
    const credential = credentialOf[slot]!;
    credentialOf[slot] = nextCredential++;
    revokedAt.set(credential, now);
    // Replayed for as long as any cache could still hold it: a push entry or a check cookie
    // stored before the revocation is gone `cacheSeconds` after it at the latest.
    if (replayRps > 0) queue.push(now + exponential(random, replayRps), { kind: "replay", credential, until: now + cacheSeconds });
    if (jars) {
      const issued = jars.issued(slot, now);
      revokedCookie.set(credential, issued);
      lags.push(Math.max(0, issued + cacheSeconds - now) * 1000);
      jars.reset(slot, now);
      return;
    }
    const origin = random.below(n);
    if (origin < observed) fleet[origin]!.cache.delete(credential);
    let last = 0;
    // Every other instance's delivery, in subscription order; only observed ones become events.
    for (let other = 0, position = 0; other < n; other += 1) {
      if (other === origin) continue;
      const delayMs = logNormal(random, scenario.delivery) + position * scenario.perDeliveryMs;
      position += 1;
      count.draws += 1;
      last = Math.max(last, delayMs);
      if (other < observed) queue.push(now + delayMs / 1000, { kind: "delivery", instance: other, credential });
    }
    lags.push(last);
  }

  for (let next = queue.pop(); next && next.at < scenario.seconds; next = queue.pop()) {
    count.events += 1;
    const { at: now, event } = next;
    if (event.kind === "arrival") {
      queue.push(now + exponential(random, scenario.perInstanceRps), event);
      const instance = fleet[event.instance]!;
      const slot = random.below(logins);
      const hit = answer(instance, credentialOf[slot]!, slot, now);
      if (now >= scenario.steady.from && now < scenario.steady.to) {
        instance.steady.requests += 1;
        if (hit) instance.steady.hits += 1;
      }
    } else if (event.kind === "revocation") {
      queue.push(now + exponential(random, scenario.revocationsPerSecond), event);
      revoke(now);
    } else if (event.kind === "replay") {
      if (now > event.until) continue;
      queue.push(now + exponential(random, replayRps), event);
      answer(fleet[random.below(observed)]!, event.credential, null, now);
    } else if (event.kind === "delivery") {
      // While the subscription is down the message is lost.
      const instance = fleet[event.instance]!;
      if (instance.listening) instance.cache.delete(event.credential);
    } else if (event.kind === "restart" || scenario.drop.noticed) {
      const instance = fleet[event.instance]!;
      instance.cache.clear();
      if (event.kind !== "restart") instance.trusted = instance.listening = event.kind === "drop-end";
    } else {
      fleet[event.instance]!.listening = event.kind === "drop-end";
    }
  }
  return summarizeFleet(scenario, fleet, { ...count, work: count.events + count.draws + (jars?.steps ?? 0), logins, lags, dropped });
}

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { simulateFleet, type FleetScenario } from "./fleet.ts";
import { EVENT_BUDGET, fleetScenario, WORK_BUDGET } from "./scenarios.ts";

// A delivery of about 0.3 ms, as the fleet measured it; 2 µs per subscriber before.
const measured = { delivery: { mu: Math.log(0.3), sigma: 0.5 }, perDeliveryMs: 0.002 };

/** A small fleet, short enough to run in a blink: two instances, 1,000 logins. */
function small(overrides: Partial<FleetScenario> = {}): FleetScenario {
  return {
    ...fleetScenario(2, "push", measured),
    perInstanceRps: 100,
    seconds: 120,
    steady: { from: 80, to: 100 },
    restartAt: 100,
    drop: { at: 105, seconds: 5, noticed: true },
    ...overrides,
  };
}

describe("simulateFleet: determinism", () => {
  test("the same seed gives the same result, to the last digit", () => {
    assert.deepEqual(simulateFleet(small()), simulateFleet(small()));
    assert.deepEqual(simulateFleet(small({ cache: "cookie", cacheSeconds: 30 })), simulateFleet(small({ cache: "cookie", cacheSeconds: 30 })));
  });

  test("another seed gives another run", () => {
    assert.notDeepEqual(simulateFleet(small()), simulateFleet(small({ seed: 99 })));
  });
});

describe("simulateFleet: invariants", () => {
  for (const cache of ["push", "cookie"] as const) {
    test(`${cache}: counts stay within what is possible`, () => {
      const result = simulateFleet(small({ cache, cacheSeconds: cache === "push" ? 60 : 30 }));
      assert.ok(result.staleAnswers <= result.requests);
      assert.ok(result.hitRatio.simulated >= 0 && result.hitRatio.simulated <= 1);
      assert.ok(result.lag.p50Ms <= result.lag.p99Ms && result.lag.p99Ms <= result.lag.maxMs);
      // Requests: two instances at 100 req/s for 120 s, plus the replays of ended logins.
      assert.ok(result.requests >= 2 * 100 * 120 * 0.95, `${result.requests} requests`);
      assert.ok(result.restart.series.readsPerSecond.every((reads) => reads <= 100 * 2), "no second reads more than twice its mean arrivals");
    });
  }

  test("push, subscription up: no request is answered from a stale entry", () => {
    assert.equal(simulateFleet(small()).staleAnswers, 0);
  });

  test("push, a subscription down that the instance notices: still none (its cache is bypassed)", () => {
    assert.equal(simulateFleet(small({ drop: { at: 60, seconds: 40, noticed: true } })).staleAnswers, 0);
  });

  test("push, invalidations that take 20 s to arrive: ended logins are answered from the cache meanwhile", () => {
    assert.ok(simulateFleet(small({ delivery: { mu: Math.log(20_000), sigma: 0.01 } })).staleAnswers > 0);
  });

  test("push, a drop nobody notices: stale answers, bounded by the entries' max age", () => {
    const unnoticed = simulateFleet(small({ perInstanceRps: 200, drop: { at: 60, seconds: 40, noticed: false } }));
    assert.ok(unnoticed.staleAnswers > 0);
  });

  test("cookie: ended logins are answered by their check cookie until it expires", () => {
    const result = simulateFleet(small({ cache: "cookie", cacheSeconds: 30 }));
    assert.ok(result.staleAnswers > 0);
    assert.ok(result.lag.maxMs <= 30_000, "never longer than the cookie's max age");
  });

  test("no revocations: nothing stale, no lag to report", () => {
    const result = simulateFleet(small({ revocationsPerSecond: 0 }));
    assert.equal(result.staleAnswers, 0);
    assert.equal(result.lag.revocations, 0);
  });
});

describe("simulateFleet: small cases worked out by hand", () => {
  test("invalidations delivered at once, to nobody before: every revocation's lag is 0", () => {
    const result = simulateFleet(small({ delivery: { mu: Math.log(1e-9), sigma: 0 }, perDeliveryMs: 0 }));
    assert.ok(result.lag.maxMs < 1e-6);
  });

  test("the last of 999 subscribers waits 998 deliveries: 1,000 instances at 1 ms per subscriber lag about a second", () => {
    const result = simulateFleet({ ...small(), instances: 1_000, perInstanceRps: 20, seconds: 30, steady: { from: 10, to: 20 }, restartAt: 20, drop: { at: 25, seconds: 2, noticed: true }, delivery: { mu: Math.log(1e-9), sigma: 0 }, perDeliveryMs: 1 });
    assert.ok(Math.abs(result.lag.p50Ms - 998) < 1e-6, `${result.lag.p50Ms}`);
  });

  test("hit ratio: 0.1 req/s per login per instance for 60 s → 6 / 7, as the model says", () => {
    // 1,000 logins at 0.2 req/s each, spread over 2 instances: λT = 0.1 × 60 = 6.
    const result = simulateFleet(small({ revocationsPerSecond: 0 }));
    assert.equal(result.hitRatio.model, 6 / 7);
    assert.ok(Math.abs(result.hitRatio.simulated - 6 / 7) < 0.03, `${result.hitRatio.simulated}`);
  });

  test("a restart empties one instance's cache: its reads jump above steady, then settle", () => {
    const { restart } = simulateFleet(small({ revocationsPerSecond: 0 }));
    assert.ok(restart.peakReadsPerSecond > 2 * restart.steadyReadsPerSecond, `${restart.peakReadsPerSecond} vs ${restart.steadyReadsPerSecond}`);
    assert.ok(restart.secondsToSteady !== null && restart.secondsToSteady > 0);
  });

  test("while its subscription is down an instance reads for every request", () => {
    const { drop } = simulateFleet(small({ revocationsPerSecond: 0 }));
    assert.ok(drop.readsPerSecondWhileDown > 80, `${drop.readsPerSecondWhileDown}`);
    assert.ok(drop.steadyReadsPerSecond < 40, `${drop.steadyReadsPerSecond}`);
  });
});

describe("the scenarios npm run simulate runs stay within their budget (events counted, never timed)", () => {
  for (const cache of ["push", "cookie"] as const) {
    test(`${cache}, 1,000 instances`, () => {
      const result = simulateFleet(fleetScenario(1_000, cache, measured));
      assert.ok(result.events <= EVENT_BUDGET, `${result.events} events`);
      assert.ok(result.work <= WORK_BUDGET, `${result.work} steps`);
    });
  }
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { cacheHitRatio, renewalHitRatio } from "./hit-ratio.ts";

describe("renewalHitRatio", () => {
  test("one request a second into an entry good for 9 s: 9 hits for each miss", () => {
    assert.equal(renewalHitRatio(1, 9), 0.9);
  });

  test("no requests, or no lifetime: nothing is ever answered from the cache", () => {
    assert.equal(renewalHitRatio(0, 60), 0);
    assert.equal(renewalHitRatio(5, 0), 0);
  });
});

describe("cacheHitRatio", () => {
  test("each holder sees its share of a login's requests: ten instances, ten times fewer hits per entry", () => {
    // 1,000 req/s over 1,000 logins: 1 req/s each, 0.1 req/s per instance; × 90 s = 9 → 0.9.
    assert.equal(cacheHitRatio({ requestsPerSecond: 1_000, credentials: 1_000, holders: 10, lifetimeSeconds: 90, capacity: Infinity }), 0.9);
  });

  test("a cache that holds a fifth of the logins answers a fifth of their requests at best", () => {
    assert.equal(cacheHitRatio({ requestsPerSecond: 1_000, credentials: 1_000, holders: 1, lifetimeSeconds: 3_600, capacity: 200 }), 0.2);
  });

  test("no traffic or no credentials: zero, never NaN", () => {
    assert.equal(cacheHitRatio({ requestsPerSecond: 0, credentials: 10, holders: 1, lifetimeSeconds: 60, capacity: 10 }), 0);
    assert.equal(cacheHitRatio({ requestsPerSecond: 10, credentials: 0, holders: 1, lifetimeSeconds: 60, capacity: 10 }), 0);
  });
});

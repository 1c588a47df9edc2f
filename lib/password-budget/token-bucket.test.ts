import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { TokenBucket } from "./token-bucket.ts";

const T0 = 1_700_000_000_000;

describe("TokenBucket (frozen clock)", () => {
  test("a full bucket lets a burst through, then refuses with the wait until one token is back", () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 3 }, T0);
    for (let i = 0; i < 3; i++) assert.deepEqual(bucket.take(1, T0), { taken: true });
    assert.deepEqual(bucket.take(1, T0), { taken: false, retryAfterSeconds: 1 });
    assert.deepEqual(bucket.take(1, T0 + 499), { taken: false, retryAfterSeconds: 1 });
    assert.deepEqual(bucket.take(1, T0 + 500), { taken: true });
  });

  test("refills at the rate, never above the burst", () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 5 }, T0);
    bucket.take(5, T0);
    assert.equal(bucket.level(T0 + 200), 2);
    assert.equal(bucket.level(T0 + 60_000), 5);
  });

  test("Retry-After is whole seconds, rounded up, at least 1", () => {
    const bucket = new TokenBucket({ ratePerSecond: 0.25, burst: 2 }, T0);
    bucket.take(2, T0);
    assert.deepEqual(bucket.take(2, T0), { taken: false, retryAfterSeconds: 8 });
    assert.deepEqual(bucket.take(1, T0 + 3_999), { taken: false, retryAfterSeconds: 1 });
  });

  test("`keep`: lower-priority work leaves a reserve that only higher-priority work may spend", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 4 }, T0);
    for (let i = 0; i < 3; i++) assert.equal(bucket.take(1, T0, 1).taken, true);
    assert.deepEqual(bucket.take(1, T0, 1), { taken: false, retryAfterSeconds: 1 });
    assert.equal(bucket.take(1, T0).taken, true, "the reserve is there for work that may use it");
    assert.equal(bucket.take(1, T0).taken, false);
  });

  test("work dearer than the burst waits for a full bucket, then leaves a debt", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 }, T0);
    assert.equal(bucket.take(2, T0).taken, true);
    assert.deepEqual(bucket.take(1, T0), { taken: false, retryAfterSeconds: 2 });
    assert.equal(bucket.take(1, T0 + 2_000).taken, true);
  });

  test("a refund gives the tokens back, capped at the burst", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 2 }, T0);
    bucket.take(2, T0);
    bucket.refund(1, T0);
    assert.equal(bucket.level(T0), 1);
    bucket.refund(5, T0);
    assert.equal(bucket.level(T0), 2);
  });

  test("a clock that steps back adds nothing and takes nothing", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 2 }, T0);
    bucket.take(2, T0);
    assert.equal(bucket.level(T0 - 10_000), 0);
    assert.equal(bucket.level(T0 + 1_000), 1);
  });
});

import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { authMetricsSince, authMetricsSnapshot, recordAuthCheck, recordSetCookie, resetAuthMetrics, type AuthSample } from "./auth-metrics.ts";

const check = (sample: Partial<AuthSample>): AuthSample => ({ mode: "session", micros: 100, queries: 1, cookieBytes: 300, accepted: true, ...sample });

beforeEach(() => resetAuthMetrics());

describe("auth metrics", () => {
  test("a fresh snapshot has no numbers at all, only zero counts", () => {
    for (const mode of ["session", "jwt"] as const) {
      const snapshot = authMetricsSnapshot()[mode];
      assert.deepEqual(snapshot, {
        checks: 0,
        accepted: 0,
        rejected: 0,
        latencyMicros: { p50: null, p95: null },
        queriesPerCheck: { mean: null, max: null },
        cookieBytes: { samples: 0, p50: null, max: null, last: null, distinct: [] },
        setCookieBytes: { samples: 0, p50: null, max: null, last: null, distinct: [] },
      });
    }
  });

  test("accepted checks are summarised per mode: latency percentiles, queries mean and max", () => {
    for (const [micros, queries] of [[400, 1], [100, 1], [300, 2], [200, 1], [500, 0]]) recordAuthCheck(check({ micros, queries }));
    const { session, jwt } = authMetricsSnapshot();
    assert.equal(session.checks, 5);
    assert.equal(session.accepted, 5);
    assert.deepEqual(session.latencyMicros, { p50: 300, p95: 500 });
    assert.deepEqual(session.queriesPerCheck, { mean: 1, max: 2 });
    assert.equal(jwt.checks, 0, "the other mode is untouched");
  });

  test("refused checks are counted but stay out of the figures: junk says nothing about the mode", () => {
    recordAuthCheck(check({ micros: 400, queries: 1, cookieBytes: 402 }));
    recordAuthCheck(check({ micros: 5, queries: 0, cookieBytes: 4000, accepted: false }));
    recordAuthCheck(check({ micros: 7, queries: 0, cookieBytes: 12, accepted: false }));
    const { session } = authMetricsSnapshot();
    assert.deepEqual([session.checks, session.accepted, session.rejected], [3, 1, 2]);
    assert.deepEqual(session.latencyMicros, { p50: 400, p95: 400 });
    assert.deepEqual(session.queriesPerCheck, { mean: 1, max: 1 });
    assert.deepEqual(session.cookieBytes.distinct, [402]);
  });

  test("latency keeps one decimal, the queries mean two", () => {
    recordAuthCheck(check({ mode: "jwt", micros: 123.456, queries: 0 }));
    recordAuthCheck(check({ mode: "jwt", micros: 123.456, queries: 0 }));
    recordAuthCheck(check({ mode: "jwt", micros: 123.456, queries: 1 }));
    const { jwt } = authMetricsSnapshot();
    assert.deepEqual(jwt.latencyMicros, { p50: 123.5, p95: 123.5 });
    assert.equal(jwt.queriesPerCheck.mean, 0.33);
  });

  test("cookie sizes: a Bearer check (0 cookie bytes) adds none", () => {
    recordAuthCheck(check({ cookieBytes: 402 }));
    recordAuthCheck(check({ cookieBytes: 0 }));
    recordAuthCheck(check({ cookieBytes: 398 }));
    assert.deepEqual(authMetricsSnapshot().session.cookieBytes, { samples: 2, p50: 398, max: 402, last: 398, distinct: [398, 402] });
  });

  test("Set-Cookie sizes keep the last write and every distinct size", () => {
    for (const bytes of [612, 598, 612]) recordSetCookie("jwt", bytes);
    assert.deepEqual(authMetricsSnapshot().jwt.setCookieBytes, { samples: 3, p50: 612, max: 612, last: 612, distinct: [598, 612] });
    assert.equal(authMetricsSnapshot().session.setCookieBytes.samples, 0);
  });

  test("reset empties every mode and restarts the clock the figures run from", () => {
    recordAuthCheck(check({}));
    recordSetCookie("session", 200);
    const now = new Date("2030-01-02T03:04:05Z");
    resetAuthMetrics(now);
    assert.equal(authMetricsSince().getTime(), now.getTime());
    assert.equal(authMetricsSnapshot().session.checks, 0);
    assert.equal(authMetricsSnapshot().session.setCookieBytes.last, null);
  });

  test("the snapshot is a copy: changing it changes nothing recorded", () => {
    recordSetCookie("session", 200);
    authMetricsSnapshot().session.setCookieBytes.distinct.push(1);
    assert.deepEqual(authMetricsSnapshot().session.setCookieBytes.distinct, [200]);
  });
});

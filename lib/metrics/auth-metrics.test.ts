import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { authMetricsSince, authMetricsSnapshot, recordAuthCheck, recordSetCookie, resetAuthMetrics, type AuthSample } from "./auth-metrics.ts";

const check = (sample: Partial<AuthSample>): AuthSample => ({ mode: "session", micros: 100, queries: 1, cookieBytes: 300, accepted: true, ...sample });
const noSizes = { samples: 0, p50: null, max: null, last: null, distinct: [] };
const noFigures = {
  samples: 0,
  inFigures: 0,
  latencyMicros: { p50: null, p75: null, p90: null, p95: null, p99: null },
  queriesPerCheck: { mean: null, max: null },
};

beforeEach(() => resetAuthMetrics());

describe("auth metrics", () => {
  test("a fresh snapshot has no numbers at all, only zero counts", () => {
    const nothing = { accepted: 0, cold: noFigures, warm: noFigures, cookieBytes: noSizes, setCookieBytes: noSizes };
    for (const mode of ["session", "jwt"] as const) {
      assert.deepEqual(authMetricsSnapshot()[mode], { checks: 0, rejected: 0, visitors: nothing, labs: nothing });
    }
  });

  test("accepted checks are summarised per mode: the latency ladder, queries mean and max", () => {
    for (const [micros, queries] of [[400, 1], [100, 1], [300, 2], [200, 1], [500, 0]]) recordAuthCheck(check({ micros, queries }));
    const { session, jwt } = authMetricsSnapshot();
    assert.equal(session.checks, 5);
    assert.equal(session.visitors.accepted, 5);
    assert.deepEqual(session.visitors.cold.latencyMicros, { p50: 300, p75: 400, p90: 500, p95: 500, p99: 500 });
    assert.deepEqual(session.visitors.cold.queriesPerCheck, { mean: 1, max: 2 });
    assert.deepEqual([session.visitors.cold.samples, session.visitors.cold.inFigures], [5, 5]);
    assert.equal(jwt.checks, 0, "the other mode is untouched");
  });

  test("a check answered from a cache is warm, apart from the cold ones no cache answered", () => {
    recordAuthCheck(check({ micros: 1800, queries: 1 }));
    recordAuthCheck(check({ micros: 2200, queries: 1, servedFromCache: false }));
    recordAuthCheck(check({ micros: 30, queries: 0, servedFromCache: true }));
    const { visitors } = authMetricsSnapshot().session;
    assert.deepEqual([visitors.accepted, visitors.cold.samples, visitors.warm.samples], [3, 2, 1]);
    assert.equal(visitors.cold.latencyMicros.p50, 1800, "the cache's 30 µs does not pull the database's figure down");
    assert.equal(visitors.warm.latencyMicros.p99, 30);
    assert.deepEqual(visitors.warm.queriesPerCheck, { mean: 0, max: 0 });
  });

  test("the labs' checks are kept apart: they never move the visitors' figures", () => {
    recordAuthCheck(check({ micros: 2000 }));
    for (let i = 0; i < 4; i += 1) recordAuthCheck(check({ micros: 171_000, cookieBytes: 304, lab: true }));
    const { session } = authMetricsSnapshot();
    assert.equal(session.checks, 5);
    assert.deepEqual([session.visitors.accepted, session.labs.accepted], [1, 4]);
    assert.equal(session.visitors.cold.latencyMicros.p95, 2000);
    assert.equal(session.labs.cold.latencyMicros.p95, 171_000);
    assert.deepEqual(session.visitors.cookieBytes.distinct, [300]);
    assert.deepEqual(session.labs.cookieBytes.distinct, [304]);
  });

  test("refused checks are counted but stay out of the figures: junk says nothing about the mode", () => {
    recordAuthCheck(check({ micros: 400, queries: 1, cookieBytes: 402 }));
    recordAuthCheck(check({ micros: 5, queries: 0, cookieBytes: 4000, accepted: false }));
    recordAuthCheck(check({ micros: 7, queries: 0, cookieBytes: 12, accepted: false, lab: true }));
    const { session } = authMetricsSnapshot();
    assert.deepEqual([session.checks, session.visitors.accepted, session.labs.accepted, session.rejected], [3, 1, 0, 2]);
    assert.equal(session.visitors.cold.latencyMicros.p95, 400);
    assert.deepEqual(session.visitors.cold.queriesPerCheck, { mean: 1, max: 1 });
    assert.deepEqual(session.visitors.cookieBytes.distinct, [402]);
  });

  test("latency is whole microseconds, the queries mean two decimals", () => {
    for (const queries of [0, 0, 1]) recordAuthCheck(check({ mode: "jwt", micros: 123.5, queries }));
    const { jwt } = authMetricsSnapshot();
    assert.equal(jwt.visitors.cold.latencyMicros.p50, 124);
    assert.equal(jwt.visitors.cold.queriesPerCheck.mean, 0.33);
  });

  test("cookie sizes: a Bearer check (0 cookie bytes) adds none", () => {
    recordAuthCheck(check({ cookieBytes: 402 }));
    recordAuthCheck(check({ cookieBytes: 0 }));
    recordAuthCheck(check({ cookieBytes: 398 }));
    assert.deepEqual(authMetricsSnapshot().session.visitors.cookieBytes, { samples: 2, p50: 398, max: 402, last: 398, distinct: [398, 402] });
  });

  test("Set-Cookie sizes keep the last write and every distinct size, the labs' apart", () => {
    for (const bytes of [612, 598, 612]) recordSetCookie("jwt", bytes);
    recordSetCookie("jwt", 640, true);
    const { jwt, session } = authMetricsSnapshot();
    assert.deepEqual(jwt.visitors.setCookieBytes, { samples: 3, p50: 612, max: 612, last: 612, distinct: [598, 612] });
    assert.deepEqual(jwt.labs.setCookieBytes.distinct, [640]);
    assert.equal(session.visitors.setCookieBytes.samples, 0);
  });

  test("reset empties every mode and restarts the clock the figures run from", () => {
    recordAuthCheck(check({}));
    recordSetCookie("session", 200);
    const now = new Date("2030-01-02T03:04:05Z");
    resetAuthMetrics(now);
    assert.equal(authMetricsSince().getTime(), now.getTime());
    assert.equal(authMetricsSnapshot().session.checks, 0);
    assert.equal(authMetricsSnapshot().session.visitors.setCookieBytes.last, null);
  });

  test("the snapshot is a copy: changing it changes nothing recorded", () => {
    recordSetCookie("session", 200);
    authMetricsSnapshot().session.visitors.setCookieBytes.distinct.push(1);
    assert.deepEqual(authMetricsSnapshot().session.visitors.setCookieBytes.distinct, [200]);
  });
});

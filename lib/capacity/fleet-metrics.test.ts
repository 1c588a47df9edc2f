import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { histogramQuantile, parsePrometheusText, readFleetInputs } from "./fleet-metrics.ts";

/** One instance's exposition, as docs/FLEET.md names the metrics. */
function exposition(checks: { hit: number; miss: number }, revocations: number, lag: Record<string, number>, queries: number) {
  return [
    "# HELP svj_auth_checks_total Authoritative checks.",
    "# TYPE svj_auth_checks_total counter",
    `svj_auth_checks_total{mode="session",outcome="accepted",cache="hit"} ${checks.hit}`,
    `svj_auth_checks_total{mode="session",outcome="accepted",cache="miss"} ${checks.miss}`,
    `svj_auth_check_db_queries_total{mode="session",cache="miss"} ${queries}`,
    `svj_revocations_total ${revocations}`,
    ...Object.entries(lag).map(([le, count]) => `svj_invalidation_lag_seconds_bucket{le="${le}"} ${count}`),
    'svj_instance_info{instance="app-1",session_cache="push",jwt_revocation_check="denylist"} 1',
    "",
  ].join("\n");
}

describe("parsePrometheusText", () => {
  test("samples with their labels; comments, blank lines and timestamps skipped; escapes undone", () => {
    const samples = parsePrometheusText('# HELP x y\nfoo 3\nbar{a="1",b="say \\"hi\\""} 2.5 1700000000\n\nbaz{le="+Inf"} +Inf\n');
    assert.deepEqual(samples, [
      { name: "foo", labels: {}, value: 3 },
      { name: "bar", labels: { a: "1", b: 'say "hi"' }, value: 2.5 },
      { name: "baz", labels: { le: "+Inf" }, value: Infinity },
    ]);
  });
});

describe("histogramQuantile", () => {
  test("linear within the bucket that holds the rank, as Prometheus computes it", () => {
    // 100 observations: 50 ≤ 1 ms, 40 more ≤ 2 ms, 10 more ≤ 4 ms. p99 is rank 99: 9/10 into (2, 4].
    const buckets = [{ le: 0.001, count: 50 }, { le: 0.002, count: 90 }, { le: 0.004, count: 100 }, { le: Infinity, count: 100 }];
    assert.ok(Math.abs(histogramQuantile(0.99, buckets)! - 0.0038) < 1e-12);
    assert.ok(Math.abs(histogramQuantile(0.5, buckets)! - 0.001) < 1e-12);
  });

  test("no observations: no quantile", () => {
    assert.equal(histogramQuantile(0.99, [{ le: 1, count: 0 }]), null);
  });
});

describe("readFleetInputs", () => {
  test("two instances, 10 s apart: rates summed over the fleet, ratios over all checks", () => {
    const lagBefore = { "0.001": 0, "0.002": 0, "+Inf": 0 };
    const before = [0, 1].map(() => ({ text: exposition({ hit: 100, miss: 100 }, 5, lagBefore, 100), at: 1_000 }));
    const after = [
      { text: exposition({ hit: 900, miss: 300 }, 15, { "0.001": 8, "0.002": 10, "+Inf": 10 }, 300), at: 11_000 },
      { text: exposition({ hit: 600, miss: 200 }, 10, lagBefore, 200), at: 11_000 },
    ];
    const reading = readFleetInputs(before, after);
    // Checks: (1,200 − 200) + (800 − 200) = 1,600 in 10 s; hits: 800 + 500 = 1,300.
    assert.equal(reading.inputs.peakRps, 160);
    assert.equal(reading.inputs.cacheHitRatio, 1_300 / 1_600);
    assert.equal(reading.inputs.instances, 2);
    // Revocations: 10 + 5 in 10 s = 90 a minute.
    assert.equal(reading.inputs.revocationsPerMinute, 90);
    assert.equal(reading.inputs.sessionCache, "push");
    assert.equal(reading.inputs.jwtRevocationCheck, "denylist");
    assert.equal(reading.measured.dbQueriesPerCheck, 300 / 1_600);
    // 10 lag observations: rank 9.9 in (1, 2] ms, 1.9/2 of the way.
    assert.ok(Math.abs(reading.measured.lagP99Ms! - 1.95) < 1e-9, `${reading.measured.lagP99Ms}`);
    assert.ok(reading.notFromMetrics.includes("activeUsers"));
  });

  test("scrapes that do not pair up, or that do not move forward in time, are refused", () => {
    assert.throws(() => readFleetInputs([], []), /one scrape per instance/);
    const one = { text: "", at: 5 };
    assert.throws(() => readFleetInputs([one], [one]), /after the first/);
  });
});

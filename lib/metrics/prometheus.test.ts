import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { SECRETS } from "../env-fixtures.ts";
import { recordAuthCheck } from "./auth-metrics.ts";
import { exportInvalidationReceived, exportRevocation, renderPrometheusMetrics } from "./prometheus.ts";

// svj_instance_info reads the configuration at scrape time; the runner's secrets win.
for (const [name, value] of Object.entries(SECRETS)) process.env[name] ||= value;

/** One sample's value from the text format, by its exact series (name and labels as written). */
async function valueOf(series: string): Promise<number | undefined> {
  const { body } = await renderPrometheusMetrics();
  const line = body.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the Prometheus exposition, fed by the checks the DAL records", () => {
  test("a recorded check is counted by mode, outcome and cache, with its queries; refusals by their code", async () => {
    const before = (await valueOf('svj_auth_checks_total{mode="jwt",outcome="accepted",cache="hit"}')) ?? 0;
    const queriesBefore = (await valueOf('svj_auth_check_db_queries_total{mode="session",cache="miss"}')) ?? 0;
    recordAuthCheck({ mode: "jwt", micros: 40, queries: 0, cookieBytes: 0, accepted: true, servedFromCache: true });
    recordAuthCheck({ mode: "jwt", micros: 45, queries: 0, cookieBytes: 0, accepted: true, servedFromCache: true });
    recordAuthCheck({ mode: "session", micros: 400, queries: 1, cookieBytes: 300, accepted: false, refusal: "session_unknown" });
    recordAuthCheck({ mode: "session", micros: 400, queries: 1, cookieBytes: 300, accepted: false, refusal: "Not A Code; {}" });
    assert.equal(await valueOf('svj_auth_checks_total{mode="jwt",outcome="accepted",cache="hit"}'), before + 2);
    assert.equal(await valueOf('svj_auth_checks_total{mode="session",outcome="session_unknown",cache="miss"}'), 1);
    // Whatever a refusal's code, the label set stays small and well-formed.
    assert.equal(await valueOf('svj_auth_checks_total{mode="session",outcome="other",cache="miss"}'), 1);
    assert.equal(await valueOf('svj_auth_check_db_queries_total{mode="session",cache="miss"}'), queriesBefore + 2);
    // Durations of accepted checks only, in seconds.
    assert.equal(await valueOf('svj_auth_check_duration_seconds_count{mode="jwt",cache="hit"}'), before + 2);
    assert.equal(await valueOf('svj_auth_check_duration_seconds_sum{mode="jwt",cache="hit"}'), 0.000085);
    assert.equal(await valueOf('svj_auth_check_duration_seconds_count{mode="session",cache="miss"}'), undefined);
  });

  test("zeros from the start for what a ratio divides by: no query of a cached check is a 0, not a missing series", async () => {
    for (const mode of ["session", "jwt"]) {
      assert.notEqual(await valueOf(`svj_auth_check_redis_operations_total{mode="${mode}",cache="hit"}`), undefined);
    }
    assert.equal(await valueOf('svj_invalidations_published_total{outcome="error"}'), 0);
  });

  test("revocations and the invalidation lag, in seconds, a clock that ran behind counting as no lag", async () => {
    exportRevocation();
    exportInvalidationReceived(0.4);
    exportInvalidationReceived(-3);
    exportInvalidationReceived(null);
    assert.equal(await valueOf("svj_revocations_total"), 1);
    assert.equal(await valueOf("svj_invalidations_received_total"), 3);
    assert.equal(await valueOf("svj_invalidation_lag_seconds_count"), 2);
    assert.equal(await valueOf('svj_invalidation_lag_seconds_bucket{le="0.0005"}'), 2);
    assert.equal(await valueOf('svj_invalidation_lag_seconds_bucket{le="0.00025"}'), 1);
  });

  test("which instance and configuration, and the process's defaults", async () => {
    const { body, contentType } = await renderPrometheusMetrics();
    assert.match(body, /^svj_instance_info\{instance="[^"]+",session_cache="(off|push|cookie)",jwt_revocation_check="(none|denylist)"\} 1$/m);
    assert.match(contentType, /^text\/plain; version=0\.0\.4/);
    assert.match(body, /^process_cpu_seconds_total /m);
    assert.match(body, /^nodejs_eventloop_lag_seconds /m);
  });
});

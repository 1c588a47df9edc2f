import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseDurationMs, parseWrkOutput, wrkArgs } from "./wrk.ts";

const SAMPLE = `Running 5s test @ http://127.0.0.1:3800/api/bench/baseline
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    10.52ms    3.21ms  50.12ms   80.00%
    Req/Sec     1.53k   100.12     1.80k    70.00%
  Latency Distribution
     50%   10.01ms
     75%   12.00ms
     90%  900.00us
     99%    1.20s
  7634 requests in 5.01s, 3.21MB read
  Non-2xx or 3xx responses: 12
  Socket errors: connect 0, read 2, write 0, timeout 1
Requests/sec:   1523.45
Transfer/sec:    641.23KB
`;

describe("parseWrkOutput", () => {
  const result = parseWrkOutput(SAMPLE);

  test("reads throughput and the request count", () => {
    assert.equal(result.rps, 1523.45);
    assert.equal(result.requests, 7634);
    assert.equal(result.seconds, 5.01);
  });

  test("reads the latency distribution in milliseconds, whatever wrk's unit", () => {
    assert.equal(result.p50Ms, 10.01);
    assert.equal(result.p75Ms, 12);
    assert.equal(result.p90Ms, 0.9);
    assert.equal(result.p99Ms, 1200);
  });

  test("counts failed responses and socket errors", () => {
    assert.equal(result.non2xx, 12);
    assert.equal(result.socketErrors, 3);
  });

  test("a clean run has zero failures", () => {
    const clean = SAMPLE.replace(/^\s*Non-2xx.*\n/m, "").replace(/^\s*Socket errors.*\n/m, "");
    assert.equal(parseWrkOutput(clean).non2xx, 0);
    assert.equal(parseWrkOutput(clean).socketErrors, 0);
  });

  test("refuses output without a summary instead of reporting zero", () => {
    assert.throws(() => parseWrkOutput("unable to connect to 127.0.0.1:3800 Connection refused"), /unreadable wrk output/);
  });

  test("refuses output without --latency", () => {
    assert.throws(() => parseWrkOutput(SAMPLE.replace(/ {5}\d+% .*\n/g, "")), /latency distribution/);
  });
});

describe("parseDurationMs", () => {
  test("converts every wrk unit", () => {
    assert.equal(parseDurationMs("250.00us"), 0.25);
    assert.equal(parseDurationMs("3.5ms"), 3.5);
    assert.equal(parseDurationMs("2s"), 2000);
    assert.equal(parseDurationMs("1m"), 60_000);
    assert.equal(parseDurationMs("fast"), null);
  });
});

describe("wrkArgs", () => {
  test("passes connections, duration, --latency, headers, and the URL last", () => {
    const args = wrkArgs({ url: "http://127.0.0.1:3800/x", connections: 16, threads: 1, seconds: 5, headers: { Authorization: "Bearer t" } });
    assert.deepEqual(args.slice(0, 6), ["-t", "1", "-c", "16", "-d", "5s"]);
    assert.ok(args.includes("--latency"));
    assert.deepEqual(args.slice(-3), ["-H", "Authorization: Bearer t", "http://127.0.0.1:3800/x"]);
  });
});

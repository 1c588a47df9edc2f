import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_INPUTS, parseReaderInputs } from "./inputs.ts";

describe("parseReaderInputs", () => {
  test("nothing given: the defaults, with the hit ratio and cache lifetime left to be derived", () => {
    const parsed = parseReaderInputs({});
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.inputs, DEFAULT_INPUTS);
    assert.equal(parsed.inputs.cacheHitRatio, undefined);
    assert.equal(parsed.inputs.cacheSeconds, undefined);
  });

  test("a GET form's strings: numbers as typed, thousands separators and spaces allowed", () => {
    const parsed = parseReaderInputs({ peakRps: " 250,000 ", instances: "40", sessionCache: "cookie", cacheHitRatio: "0.9", cacheSeconds: "" });
    assert.ok(parsed.ok);
    assert.equal(parsed.inputs.peakRps, 250_000);
    assert.equal(parsed.inputs.instances, 40);
    assert.equal(parsed.inputs.sessionCache, "cookie");
    assert.equal(parsed.inputs.cacheHitRatio, 0.9);
    assert.equal(parsed.inputs.cacheSeconds, undefined);
  });

  test("a repeated parameter counts once, its first value", () => {
    const parsed = parseReaderInputs({ instances: ["3", "9"] });
    assert.ok(parsed.ok);
    assert.equal(parsed.inputs.instances, 3);
  });

  test("bad values: one message per field, naming it; what was typed comes back", () => {
    const parsed = parseReaderInputs({ peakRps: "lots", instances: "2.5", cacheHitRatio: "1.5", sessionCache: "redis", activeUsers: "0" });
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.match(parsed.errors.peakRps!, /^Peak requests per second: enter a number/);
    assert.match(parsed.errors.instances!, /whole number/);
    assert.match(parsed.errors.cacheHitRatio!, /at most 1/);
    assert.match(parsed.errors.sessionCache!, /off, push or cookie/);
    assert.match(parsed.errors.activeUsers!, /at least 1/);
    assert.equal(parsed.raw.peakRps, "lots");
  });

  test("Infinity and exponents beyond the range are refused, not computed with", () => {
    const parsed = parseReaderInputs({ peakRps: "Infinity", revocationsPerMinute: "1e12" });
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    assert.ok(parsed.errors.peakRps);
    assert.match(parsed.errors.revocationsPerMinute!, /at most/);
  });
});

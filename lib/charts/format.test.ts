import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { countOf, formatBytes, formatCount, formatMicros, formatMicrosTick } from "./format.ts";

describe("chart number formats", () => {
  test("latency: whole µs below a millisecond, tenths of a millisecond above", () => {
    assert.deepEqual([0.4, 23.5, 412.49, 999.4, 999.6, 1840.3, 171_449].map(formatMicros), ["0 µs", "24 µs", "412 µs", "999 µs", "1.0 ms", "1.8 ms", "171.4 ms"]);
  });

  test("axis ticks are decades written plainly", () => {
    assert.deepEqual([1, 10, 100, 1000, 10_000, 100_000, 1_000_000].map(formatMicrosTick), ["1 µs", "10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s"]);
  });

  test("counts and bytes with thousands separators, counts with their noun", () => {
    assert.equal(formatCount(12345), "12,345");
    assert.equal(formatBytes(4096), "4,096 B");
    assert.equal(countOf(1, "check"), "1 check");
    assert.equal(countOf(1000, "check"), "1,000 checks");
    assert.equal(countOf(2, "lab run"), "2 lab runs");
  });
});

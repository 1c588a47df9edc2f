import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { countOf, formatBytes, formatCount, formatMicros, formatMicrosTick, formatMs, formatRatio, formatSeconds } from "./units.ts";

describe("the site's number formats", () => {
  test("durations are milliseconds: one decimal below 10 ms, whole and grouped above", () => {
    assert.deepEqual([0, 0.01, 0.049, 0.05, 0.4, 2.34, 9.94, 9.96, 26.571, 1204.4, 26_571].map(formatMs), [
      "0 ms",
      "< 0.1 ms",
      "< 0.1 ms",
      "0.1 ms",
      "0.4 ms",
      "2.3 ms",
      "9.9 ms",
      "10 ms",
      "27 ms",
      "1,204 ms",
      "26,571 ms",
    ]);
  });

  test("microseconds from lib/metrics are written as milliseconds too (the old 'p95 26571 µs')", () => {
    assert.deepEqual([23.5, 412.49, 1840.3, 26_571, 171_449].map(formatMicros), ["< 0.1 ms", "0.4 ms", "1.8 ms", "27 ms", "171 ms"]);
  });

  test("axis ticks are decades of milliseconds written plainly, without the unit the axis states once", () => {
    assert.deepEqual([1, 10, 100, 1000, 10_000, 100_000, 1_000_000].map(formatMicrosTick), ["0.001", "0.01", "0.1", "1", "10", "100", "1,000"]);
  });

  test("counts, bytes and seconds with thousands separators, counts with their noun", () => {
    assert.equal(formatCount(12345), "12,345");
    assert.equal(formatBytes(4096), "4,096 B");
    assert.equal(formatSeconds(898), "898 s");
    assert.equal(formatSeconds(86_400), "86,400 s");
    assert.equal(countOf(1, "check"), "1 check");
    assert.equal(countOf(1000, "check"), "1,000 checks");
    assert.equal(countOf(2, "lab run"), "2 lab runs");
  });

  test("ratios and means keep two decimals, so 1 and 1.00 never mean different things on one page", () => {
    assert.deepEqual([0.8712, 1, 1.005].map(formatRatio), ["0.87", "1.00", "1.01"]);
  });
});

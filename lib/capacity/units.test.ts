import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { formatPercent, formatRate, formatSize, formatTick } from "./units.ts";

describe("the model's units", () => {
  test("rates: thousands grouped, small values with two significant digits", () => {
    assert.deepEqual([0, 0.4218, 7.46, 12.4, 1234.5, 1_000_000].map(formatRate), ["0", "0.42", "7.5", "12", "1,235", "1,000,000"]);
  });

  test("sizes in decimal units, three significant digits at most", () => {
    assert.deepEqual([512, 4_096, 42_500_000, 1.234e9, 7e12].map(formatSize), ["512 B", "4.1 kB", "42.5 MB", "1.23 GB", "7 TB"]);
  });

  test("shares: tiny ones said to be tiny, not rounded to zero", () => {
    assert.deepEqual([0, 0.00004, 0.0123, 0.857].map(formatPercent), ["0 %", "< 0.1 %", "1.23 %", "85.7 %"]);
  });

  test("ticks: decades in k and M, fractions as they are", () => {
    assert.deepEqual([1, 100, 1_000, 100_000, 1_000_000, 1e10, 0.1, 0.01].map(formatTick), ["1", "100", "1k", "100k", "1M", "10G", "0.1", "0.01"]);
  });
});

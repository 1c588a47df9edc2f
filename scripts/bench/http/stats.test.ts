import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { median, percentile, rotate, roundTo, summarizeLags, summarizeRounds } from "./stats.ts";

describe("median", () => {
  test("middle value for an odd count, mean of the middle two for an even one, order-independent", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });
  test("refuses an empty list", () => assert.throws(() => median([]), /median of nothing/));
});

describe("percentile", () => {
  const values = Array.from({ length: 100 }, (_, index) => 100 - index); // 100 … 1
  test("nearest rank", () => {
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile([7], 99), 7);
  });
});

describe("summarizeRounds", () => {
  test("each figure is its own median over the rounds", () => {
    const summary = summarizeRounds([
      { rps: 1000, p50Ms: 9, p99Ms: 40 },
      { rps: 1200, p50Ms: 8, p99Ms: 20 },
      { rps: 900, p50Ms: 11, p99Ms: 30 },
    ]);
    assert.deepEqual(summary, { rps: 1000, p50Ms: 9, p99Ms: 30, rounds: 3 });
  });
});

describe("rotate", () => {
  test("each round starts at a different target and still visits all of them", () => {
    const targets = ["a", "b", "c"];
    assert.deepEqual(rotate(targets, 0), ["a", "b", "c"]);
    assert.deepEqual(rotate(targets, 1), ["b", "c", "a"]);
    assert.deepEqual(rotate(targets, 4), ["b", "c", "a"]);
    assert.deepEqual(rotate([], 2), []);
  });
});

describe("roundTo", () => {
  test("rounds to the given decimals", () => {
    assert.equal(roundTo(0.7649, 2), 0.76);
    assert.equal(roundTo(12.35, 1), 12.4);
  });
});

describe("summarizeLags", () => {
  test("p50/p99 over the refused samples, never-refused ones counted apart", () => {
    assert.deepEqual(summarizeLags([0.3, 0.4, 20, 0.2], 1), { p50Ms: 0.3, p99Ms: 20, samples: 4, neverRefused: 1 });
  });
  test("only never-refused samples: no made-up percentiles", () => {
    assert.deepEqual(summarizeLags([], 3), { p50Ms: null, p99Ms: null, samples: 0, neverRefused: 3 });
  });
  test("nothing measured: null", () => assert.equal(summarizeLags([], 0), null));
});

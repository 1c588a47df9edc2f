import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { RollingWindow } from "./stats.ts";

function windowOf(values: number[], size?: number): RollingWindow {
  const window = new RollingWindow(size);
  for (const value of values) window.add(value);
  return window;
}

describe("RollingWindow", () => {
  test("says nothing before the first sample", () => {
    const empty = new RollingWindow();
    assert.equal(empty.count, 0);
    assert.equal(empty.percentile(50), null);
    assert.equal(empty.mean(), null);
    assert.equal(empty.latest(), null);
    assert.deepEqual(empty.distinct(), []);
  });

  test("percentiles are nearest-rank over the samples, whatever their order", () => {
    const shuffled = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
    const window = windowOf(shuffled);
    assert.equal(window.percentile(50), 50);
    assert.equal(window.percentile(95), 95);
    assert.equal(window.percentile(100), 100);
    assert.equal(window.percentile(0), 1, "rank 0 means the smallest sample");
    const four = windowOf([40, 10, 30, 20]);
    assert.equal(four.percentile(50), 20, "ceil(0.5 × 4) = rank 2");
    assert.equal(four.percentile(95), 40, "ceil(0.95 × 4) = rank 4");
    assert.equal(four.percentile(25), 10);
  });

  test("one sample is every percentile", () => {
    const one = windowOf([7]);
    for (const p of [0, 50, 95, 100]) assert.equal(one.percentile(p), 7);
  });

  test("mean is the arithmetic mean of the window", () => {
    assert.equal(windowOf([1, 2, 3, 4]).mean(), 2.5);
    assert.equal(windowOf([0, 0, 3]).mean(), 1);
  });

  test("a ladder of percentiles equals asking for each one alone", () => {
    const window = windowOf(Array.from({ length: 200 }, (_, i) => ((i * 53) % 200) + 1));
    const ladder = [50, 75, 90, 95, 99];
    assert.deepEqual(window.percentiles(ladder), ladder.map((p) => window.percentile(p)));
    assert.deepEqual(window.percentiles(ladder), [100, 150, 180, 190, 198]);
    assert.deepEqual(new RollingWindow().percentiles([50, 99]), [null, null]);
  });

  test("a full window forgets its oldest samples, but count keeps every one", () => {
    const window = windowOf([1, 2, 3, 4, 5], 3);
    assert.equal(window.count, 5);
    assert.equal(window.held, 3, "the percentiles cover what is held");
    assert.deepEqual(window.distinct(), [3, 4, 5]);
    assert.equal(window.mean(), 4);
    assert.equal(window.percentile(0), 3);
    assert.equal(window.percentile(100), 5);
  });

  test("eviction goes round in order, many times over", () => {
    const window = windowOf(Array.from({ length: 10 }, (_, i) => i), 4);
    assert.deepEqual(window.distinct(), [6, 7, 8, 9]);
    assert.equal(window.mean(), 7.5);
  });

  test("latest is the last sample added, before and after the window wraps", () => {
    const window = new RollingWindow(3);
    const seen: (number | null)[] = [];
    for (const value of [5, 6, 7, 8, 9, 10, 11]) {
      window.add(value);
      seen.push(window.latest());
    }
    assert.deepEqual(seen, [5, 6, 7, 8, 9, 10, 11]);
  });

  test("distinct lists each value once, ascending", () => {
    assert.deepEqual(windowOf([612, 598, 612, 598, 700]).distinct(), [598, 612, 700]);
  });
});

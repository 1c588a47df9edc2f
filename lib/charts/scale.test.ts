import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { linearScale, logScale, niceStep } from "./scale.ts";

describe("niceStep", () => {
  test("rounds up to 1, 2 or 5 times a power of ten", () => {
    assert.deepEqual([0.3, 1, 1.2, 3, 7, 24, 480, 1024].map(niceStep), [0.5, 1, 2, 5, 10, 50, 500, 2000]);
  });

  test("nonsense in, a usable step out", () => {
    assert.deepEqual([0, -3, Number.NaN, Number.POSITIVE_INFINITY].map(niceStep), [1, 1, 1, 1]);
  });
});

describe("linearScale", () => {
  test("runs from 0 to a round top at or above the largest value, ticks at nice steps", () => {
    const scale = linearScale(1.4, [0, 100], { count: 4 });
    assert.equal(scale.max, 1.5);
    assert.deepEqual(scale.ticks, [0, 0.5, 1, 1.5]);
    assert.equal(scale(0), 0);
    assert.equal(scale(0.75), 50);
    assert.equal(scale(1.5), 100);
  });

  test("keeps a fixed mark on the axis: the cookie limit shows even beside small cookies", () => {
    const scale = linearScale(412, [40, 440], { atLeast: 4096 });
    assert.equal(scale.max, 5000);
    assert.ok(scale.ticks.includes(4000));
    assert.equal(scale(4096), 40 + (4096 / 5000) * 400);
    assert.ok(scale(412) < scale(4096));
  });

  test("a value that is already round is the top, not one step below it", () => {
    assert.equal(linearScale(2, [0, 1]).max, 2);
    assert.equal(linearScale(4096, [0, 1]).max, 5000);
  });

  test("values outside the domain are held at its ends; an all-zero series still has an axis", () => {
    const scale = linearScale(0, [10, 20]);
    assert.ok(scale.max > 0);
    assert.equal(scale(-5), 10);
    assert.equal(scale(1e9), 20);
  });
});

describe("logScale", () => {
  test("spans whole decades around the values, one tick per decade", () => {
    const scale = logScale(23, 171_000, [0, 500]);
    assert.deepEqual(scale.ticks, [10, 100, 1000, 10_000, 100_000, 1_000_000]);
    assert.equal(scale.max, 1_000_000);
    assert.equal(scale(10), 0);
    assert.equal(scale(1000), 200);
    assert.equal(scale(1_000_000), 500);
  });

  test("equal ratios are equal distances: 20 µs → 200 µs as long as 2 ms → 20 ms", () => {
    const scale = logScale(1, 100_000, [0, 1000]);
    assert.ok(Math.abs(scale(200) - scale(20) - (scale(20_000) - scale(2000))) < 1e-9);
  });

  test("values under the floor sit at the start; one value still gets a decade of axis", () => {
    const scale = logScale(500, 500, [0, 100]);
    assert.deepEqual(scale.ticks, [100, 1000]);
    assert.equal(scale(0), 0);
    assert.equal(scale(-1), 0);
  });
});

describe("logScale below one", () => {
  test("with a lower floor, decades under 1 are ticks like any other", () => {
    const scale = logScale(0.3, 40, [0, 300], 0.001);
    assert.deepEqual(scale.ticks, [0.1, 1, 10, 100]);
    assert.equal(scale(0.1), 0);
  });
});

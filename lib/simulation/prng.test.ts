import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { seededRandom } from "./prng.ts";

const draw = (seed: number, count: number) => {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => random.next());
};

describe("seededRandom", () => {
  test("the same seed gives the same sequence; another seed another one", () => {
    assert.deepEqual(draw(17, 50), draw(17, 50));
    assert.notDeepEqual(draw(17, 50), draw(18, 50));
  });

  test("values stay in [0, 1) and below(n) in [0, n)", () => {
    const random = seededRandom(1);
    for (let i = 0; i < 10_000; i += 1) {
      const value = random.next();
      assert.ok(value >= 0 && value < 1);
      const index = random.below(7);
      assert.ok(Number.isInteger(index) && index >= 0 && index < 7);
    }
  });

  test("uniform enough for the simulation: each tenth of [0, 1) gets its share of 100,000 draws", () => {
    const bins = new Array<number>(10).fill(0);
    for (const value of draw(3, 100_000)) bins[Math.floor(value * 10)]! += 1;
    // 10,000 expected per bin, standard deviation about 95: 5 sigma either side.
    for (const count of bins) assert.ok(Math.abs(count - 10_000) < 500, `bin of ${count}`);
  });

  test("a seed must be an integer", () => {
    assert.throws(() => seededRandom(1.5), /integer/);
  });
});

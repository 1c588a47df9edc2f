import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { fitLogNormal, logNormal, normalQuantile } from "./distributions.ts";
import { seededRandom } from "./prng.ts";

describe("normalQuantile", () => {
  test("the textbook values", () => {
    assert.ok(Math.abs(normalQuantile(0.5)) < 1e-9);
    assert.ok(Math.abs(normalQuantile(0.975) - 1.959964) < 1e-6);
    assert.ok(Math.abs(normalQuantile(0.99) - 2.326348) < 1e-6);
    assert.ok(Math.abs(normalQuantile(0.001) + 3.090232) < 1e-6);
  });

  test("p outside (0, 1) is refused", () => {
    assert.throws(() => normalQuantile(1), /0 < p < 1/);
  });
});

describe("fitLogNormal", () => {
  test("through a median of 1 ms and a p99 of e^2.326 ms: mu 0, sigma 1", () => {
    const fit = fitLogNormal([{ p: 0.5, ms: 1 }, { p: 0.99, ms: Math.exp(normalQuantile(0.99)) }]);
    assert.ok(Math.abs(fit.mu) < 1e-9);
    assert.ok(Math.abs(fit.sigma - 1) < 1e-9);
  });

  test("draws from the fit come back with its median", () => {
    const random = seededRandom(9);
    const fit = { mu: Math.log(0.3), sigma: 0.6 };
    const draws = Array.from({ length: 20_001 }, () => logNormal(random, fit)).sort((a, b) => a - b);
    assert.ok(Math.abs(draws[10_000]! - 0.3) < 0.01, `median ${draws[10_000]}`);
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { MeasuredLag } from "../capacity/measured-lag.ts";
import { runSimulations } from "./run.ts";

// Seven events of 20 samples each, as bench:http reports them (p50, and its p99: the largest).
const lag: MeasuredLag = {
  events: [0.25, 0.28, 0.3, 0.26, 0.27, 0.29, 0.28].map((p50Ms, index) => ({ label: `event ${index}`, p50Ms, p99Ms: p50Ms * 3, samples: 20, samplesMs: null })),
  p50Ms: 0.28,
  p99Ms: 0.9,
  samples: 140,
  where: "a test fleet",
};

describe("runSimulations", () => {
  // A tenth of the requests: the same code, quicker.
  const lighter = { perInstanceRps: 50 };
  const report = runSimulations(lag, 1, 17, [2], lighter);

  test("same seed and inputs, the same report, to the last digit", () => {
    assert.deepEqual(runSimulations(lag, 1, 17, [2], lighter), report);
  });

  test("the N = 2 check sets the simulation beside the fleet's own statistic: the median over events", () => {
    assert.equal(report.check.measured.p50Ms, 0.28);
    assert.ok(Math.abs(report.check.measured.p99Ms - 0.84) < 1e-12);
    const expected = ((report.check.simulated.p50Ms - 0.28) / 0.28) * 100;
    assert.equal(report.check.errorPercent.p50, expected);
  });

  test("the fitted delivery has the measured median, and Redis's µs per subscriber arrives in ms", () => {
    assert.ok(Math.abs(Math.exp(report.delivery.fit.mu) - 0.28) < 0.02);
    assert.equal(report.delivery.perDeliveryMs, 0.001);
  });

  test("the unnoticed drop lets stale answers through; the noticed one in the fleets does not", () => {
    assert.ok(report.unnoticedDrop.push.staleAnswers > 0);
    assert.equal(report.fleets[0]!.push.staleAnswers, 0);
  });
});

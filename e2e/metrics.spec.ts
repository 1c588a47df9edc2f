import { expect, test } from "@playwright/test";
import { bob, MODES } from "./fixtures.ts";
import type { Metrics } from "./metrics-fixtures.ts";

/**
 * /api/metrics: every figure with its sample count, visitors' checks apart from the labs', cold
 * (no cache answered) apart from warm (a cache answered). The e2e server is shared by specs
 * running in parallel, so counts are compared as "at least what this test added".
 */

test("every accepted check is counted once, as a visitor's, cold or warm, its latency in whole µs", async ({ request }) => {
  const before = (await (await request.get("/api/metrics")).json()) as Metrics;
  for (const mode of MODES) {
    expect((await request.post(`/api/${mode}/login`, { data: { email: bob.email, password: bob.password } })).status()).toBe(200);
    for (let i = 0; i < 3; i += 1) {
      const me = await request.get(`/api/${mode}/me`);
      expect(me.status()).toBe(200);
      // The response names the group its check went to.
      expect(me.headers()["server-timing"]).toMatch(new RegExp(`desc="${mode} check \\((cold|warm)\\)"`));
    }
  }
  const after = (await (await request.get("/api/metrics")).json()) as Metrics;
  expect(Object.keys(after.notes)).toEqual(expect.arrayContaining(["visitors", "labs", "cold", "warm", "rejected"]));
  for (const mode of MODES) {
    const [was, now] = [before.modes[mode].visitors, after.modes[mode].visitors];
    expect(now.accepted - was.accepted).toBeGreaterThanOrEqual(3);
    expect(now.accepted).toBe(now.cold.samples + now.warm.samples);
    expect(after.modes[mode].checks).toBe(now.accepted + after.modes[mode].labs.accepted + after.modes[mode].rejected);
    for (const figures of [now.cold, now.warm]) {
      expect(figures.inFigures).toBeLessThanOrEqual(Math.min(figures.samples, 1000));
      for (const value of Object.values(figures.latencyMicros)) if (value !== null) expect(Number.isInteger(value)).toBe(true);
      const ladder = Object.values(figures.latencyMicros);
      expect(ladder).toEqual([...ladder].sort((a, b) => (a ?? 0) - (b ?? 0)));
    }
  }
});

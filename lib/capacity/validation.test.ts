import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBenchFiles } from "./bench-files.ts";
import { derivePerRequestCosts } from "./costs.ts";
import { validateAgainstBench, validationSummary, type ValidationRow } from "./validation.ts";

const dir = join(process.cwd(), "docs", "bench");
const files = parseBenchFiles(Object.fromEntries(readdirSync(dir).filter((file) => file.endsWith(".json")).map((file) => [file, JSON.parse(readFileSync(join(dir, file), "utf8"))])));
const costs = derivePerRequestCosts(files);
const rows = validateAgainstBench(files, costs);
const profileTotal = (key: string) => Object.values(files.profile.columns.find((column) => column.key === key)!.perRequest).reduce((sum, micros) => sum + micros, 0);
const baselineRow = (run: string) => rows.find((row) => row.run === run && /^(baseline route|our route), no auth/.test(row.target)) as ValidationRow;

describe("validateAgainstBench", () => {
  test("one process, no auth: the smaller of one core over the profiled CPU and two cores over all of it", () => {
    const micros = profileTotal("baseline");
    const app = files.capacity.app.find((entry) => entry.key === "baseline" && entry.cache === "push")!;
    const machine = micros * (app.processMicros / app.mainThreadMicros) + files.capacity.harness.wrkCpuMicrosPerRequest;
    const expected = Math.min(1e6 / micros, (2 * 1e6) / machine);
    const row = baselineRow("PostgreSQL, 1 process");
    assert.ok(Math.abs(row.predictedRps - expected) < 1e-6, `${row.predictedRps} ≠ ${expected}`);
    assert.equal(row.errorPercent, ((row.predictedRps - row.measuredRps) / row.measuredRps) * 100);
  });

  test("a fleet of two behind HAProxy: two event loops, and the balancer's CPU on the shared cores", () => {
    const micros = profileTotal("baseline");
    const app = files.capacity.app.find((entry) => entry.key === "baseline" && entry.cache === "push")!;
    const machine = micros * (app.processMicros / app.mainThreadMicros) + files.capacity.harness.wrkCpuMicrosPerRequest + files.capacity.harness.haproxyCpuMicrosPerRequest!;
    const row = baselineRow("PostgreSQL, fleet of 2");
    assert.ok(Math.abs(row.predictedRps - Math.min((2 * 1e6) / micros, (2 * 1e6) / machine)) < 1e-6);
  });

  test("a check that reads the database is predicted to make one query per request; a cached one none", () => {
    const off = rows.find((row) => row.run === "PostgreSQL, 1 process" && row.target === "session /me (cookie, SESSION_CACHE=off)")!;
    const push = rows.find((row) => row.run === "PostgreSQL, 1 process" && row.target === "session /me (cookie, SESSION_CACHE=push)")!;
    assert.equal(off.predictedDbQueriesPerSecond, off.predictedRps);
    assert.equal(push.predictedDbQueriesPerSecond, 0);
  });

  test("pages are left out: nothing profiled a page render", () => {
    assert.ok(!rows.some((row) => /dashboard|public page/.test(row.target)));
  });

  test("the summary counts what is within the goal", () => {
    const summary = validationSummary(rows);
    assert.equal(summary.rows, rows.length);
    assert.equal(summary.within, rows.filter((row) => Math.abs(row.errorPercent) <= 15).length);
  });
});

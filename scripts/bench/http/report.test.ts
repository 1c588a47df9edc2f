import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { goalCell, markdownSection, ratioRows, README_END, README_START, replaceBetweenMarkers, revocationLines, terminalTable } from "./report.ts";
import type { BenchResult, MeasuredTarget } from "./report.ts";

const summary = (rps: number) => ({ rps, p50Ms: 8.04, p99Ms: 21.96, rounds: 3 });
const targets: MeasuredTarget[] = [
  { key: "baseline", label: "baseline route (no auth)", server: "d", path: "/a", auth: "none", baseline: null, kind: "api", summary: summary(2000) },
  { key: "session-me", label: "session /me (cookie)", server: "d", path: "/b", auth: "session-cookie", baseline: "baseline", kind: "api", summary: summary(1500) },
  { key: "jwt", label: "JWT /me", server: "d", path: "/c", auth: "jwt-bearer", baseline: "baseline", kind: "api", summary: null, error: "server did not start" },
  { key: "page", label: "public page", server: "d", path: "/p", auth: "none", baseline: null, kind: "page", summary: summary(400) },
  { key: "dash", label: "/session/dashboard", server: "d", path: "/s", auth: "session-cookie", baseline: "page", kind: "page", summary: summary(300) },
];

describe("ratioRows", () => {
  const rows = ratioRows(targets);
  test("divides each target by its own baseline", () => {
    assert.equal(rows.find((row) => row.key === "session-me")?.ratio, 0.75);
    assert.equal(rows.find((row) => row.key === "dash")?.ratio, 0.75);
    assert.equal(rows.find((row) => row.key === "baseline")?.ratio, 1);
  });
  test("an unmeasured target gets no ratio rather than a made-up one", () => {
    assert.equal(rows.find((row) => row.key === "jwt")?.ratio, null);
  });
});

describe("terminalTable", () => {
  test("whole req/s, 0.1 ms, two-decimal ratios, and 'failed' where a target could not run", () => {
    const table = terminalTable(ratioRows(targets));
    assert.match(table, /session \/me \(cookie\)\s+1500\s+8\.0\s+22\.0\s+0\.75/);
    assert.match(table, /JWT \/me\s+failed/);
    assert.match(table, /1 \(baseline\)/);
  });
});

describe("goalCell", () => {
  test("met, missed by how much, or nothing when a target has no goal", () => {
    assert.equal(goalCell(0.95, 0.951), "≥ 0.95 met");
    assert.equal(goalCell(0.95, 0.76), "≥ 0.95 missed by 0.19");
    assert.equal(goalCell(0.8, null), "≥ 0.80");
    assert.equal(goalCell(null, 0.5), "");
  });
});

describe("revocationLines", () => {
  test("says yes/no per event and prints the fleet lag when there is one", () => {
    const [single, fleet, na, never] = revocationLines([
      { label: "session logout", refusedOnNextRequest: true, lagMs: 0 },
      { label: "JWT logout", refusedOnNextRequest: false, lag: { p50Ms: 1.04, p99Ms: 3.26, samples: 20, neverRefused: 2 } },
      { label: "JWT device", refusedOnNextRequest: null, note: "no such event" },
      { label: "cached", refusedOnNextRequest: true, lag: { p50Ms: null, p99Ms: null, samples: 0, neverRefused: 4 } },
    ]);
    assert.equal(single, "session logout: refused on the next request: yes; lag 0 ms (one process)");
    assert.match(fleet ?? "", /: no; other instance refused after p50 1\.0 ms, p99 3\.3 ms \(20 samples, 2 never refused within 5 s\)/);
    assert.match(na ?? "", /: n\/a — no such event/);
    assert.equal(never, "cached: refused on the next request: yes; other instance: 4 never refused within 5 s");
  });
});

describe("markdownSection", () => {
  const result: BenchResult = {
    machine: { cores: 2, cpu: "Test CPU", database: "SQLite", node: "20.20.0", next: "16.4.6", fleet: null },
    settings: { connections: 16, durationSeconds: 2, rounds: 1, short: true },
    finishedAt: "2026-11-26T14:00:00.000Z",
    targets,
    revocation: [{ label: "session logout", refusedOnNextRequest: true }],
  };
  const text = markdownSection(result);
  test("names the machine next to the figures", () => assert.match(text, /Machine: 2 cores \(Test CPU\), SQLite, Node 20\.20\.0, Next 16\.4\.6/));
  test("labels a short run as not meaningful", () => assert.match(text, /SHORT TRIAL RUN/));
  test("has a Markdown table row per target", () => assert.equal(text.split("\n").filter((line) => line.startsWith("| ")).length, targets.length + 1));
});

describe("replaceBetweenMarkers", () => {
  const readme = `# App\n\n## Performance\n${README_START}\nold table\n${README_END}\n\n## Tests\n`;
  test("rewrites only what lies between the markers", () => {
    const updated = replaceBetweenMarkers(readme, "new table");
    assert.equal(updated, `# App\n\n## Performance\n${README_START}\nnew table\n${README_END}\n\n## Tests\n`);
    assert.equal(replaceBetweenMarkers(updated, "new table"), updated);
  });
  test("refuses a README without markers", () => assert.throws(() => replaceBetweenMarkers("# App\n", "x"), /markers/));
});

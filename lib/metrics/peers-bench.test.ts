import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { peersBench } from "./peers-bench.ts";

const run = (overrides: Record<string, unknown> = {}) => ({
  kind: "bench:peers",
  finishedAt: "2026-12-07T04:22:03.833Z",
  machine: { cores: 2, cpu: "AMD EPYC", database: "SQLite", fleet: null },
  versions: { "better-auth": { "better-auth": "1.7.29", next: "16.4.6" }, authjs: { "next-auth": "5.0.0-beta.32", next: "16.4.6" } },
  settings: { short: false },
  rows: [
    { key: "ours-session", label: "ours: session cookie", authRps: 540, openRps: 675, revocation: { kind: "refused" } },
    { key: "better-auth-cookie-cache", label: "Better Auth: cookie cache (300 s)", authRps: 475, openRps: 950, revocation: { kind: "accepted", forSeconds: 300, why: "cookieCache.maxAge" } },
    { key: "authjs-database", label: "Auth.js: database sessions", authRps: null, openRps: null, revocation: null, error: "not built: no provider" },
  ],
  ...overrides,
});

describe("peersBench", () => {
  test("each configuration in the file's order, ours marked, each app against its own uncredentialed route", () => {
    const bench = peersBench(run())!;
    assert.deepEqual(bench.rows.map((row) => [row.key, row.ours, row.ratio]), [["ours-session", true, 0.8], ["better-auth-cookie-cache", false, 0.5], ["authjs-database", false, null]]);
    assert.equal(bench.versions, "better-auth 1.7.29, next-auth 5.0.0-beta.32");
    assert.equal(bench.where, "SQLite, 2 cores (AMD EPYC)");
  });

  test("a signed-out credential: refused at once, or accepted for the configured lifetime and why", () => {
    const [ours, cookieCache, authjs] = peersBench(run())!.rows;
    assert.deepEqual([ours!.signedOut, ours!.refused], ["refused at once", true]);
    assert.deepEqual([cookieCache!.signedOut, cookieCache!.refused], ["accepted for ≤ 5 min (cookieCache.maxAge)", false]);
    assert.deepEqual([authjs!.signedOut, authjs!.refused, authjs!.error], [null, null, "not built: no provider"]);
  });

  test("a trial run is marked; a bench:http file or an empty run is not a peers result", () => {
    assert.equal(peersBench(run({ settings: { short: true } }))!.trial, true);
    assert.equal(peersBench(run({ kind: "bench:http" })), null);
    assert.equal(peersBench(run({ rows: [] })), null);
  });
});

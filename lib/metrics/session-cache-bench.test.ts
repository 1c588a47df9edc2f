import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sessionCacheBench } from "./session-cache-bench.ts";

const run = (overrides: Record<string, unknown> = {}) => ({
  kind: "bench:http",
  finishedAt: "2026-11-26T23:50:00.000Z",
  machine: { cores: 2, cpu: "AMD EPYC", database: "SQLite", fleet: null },
  settings: { short: false },
  servers: [
    { key: "a", cache: "push" },
    { key: "b", cache: "off" },
  ],
  targets: [
    { key: "baseline", server: "a", auth: "none", path: "/api/bench/baseline", baseline: null, summary: { rps: 1000 } },
    { key: "session-me", server: "a", auth: "session-cookie", path: "/api/session/me", baseline: "baseline", summary: { rps: 900 } },
    { key: "session-me-off", server: "b", auth: "session-cookie", path: "/api/session/me", baseline: "baseline", summary: { rps: 800 } },
    { key: "jwt-me", server: "b", auth: "jwt-bearer", path: "/api/jwt/me", baseline: "baseline", summary: { rps: 990 } },
  ],
  revocation: [
    { label: "session (SESSION_CACHE=push): logout", refusedOnNextRequest: true, lagMs: 0 },
    { label: "JWT (denylist, EdDSA, SESSION_CACHE=push): logout", refusedOnNextRequest: true, lagMs: 0 },
    { label: "session (SESSION_CACHE=off): admin disable", refusedOnNextRequest: true, lag: { p50Ms: 1, p99Ms: 3.4, samples: 20, neverRefused: 0 } },
  ],
  ...overrides,
});

describe("sessionCacheBench", () => {
  test("session /me per cache against the baseline, the default (push) first, with only the session revocations", () => {
    const bench = sessionCacheBench(run());
    assert.ok(bench);
    assert.equal(bench.where, "SQLite, 2 cores (AMD EPYC)");
    assert.deepEqual(bench.caches.map((c) => [c.cache, c.ratio]), [["push", 0.9], ["off", 0.8]]);
    assert.deepEqual(bench.caches[0]!.revocations, [{ event: "logout", refusedOnNextRequest: true, note: null, otherInstanceP99Ms: null, otherInstanceNeverRefused: 0 }]);
    assert.deepEqual(bench.caches[1]!.revocations, [{ event: "admin disable", refusedOnNextRequest: true, note: null, otherInstanceP99Ms: 3.4, otherInstanceNeverRefused: 0 }]);
  });

  test("a fleet sample the other instance never refused, and the bench's reason for a refusal that did not come, are kept", () => {
    const revocation = [
      { label: "session (SESSION_CACHE=off): logout", refusedOnNextRequest: true, lag: { p50Ms: 1, p99Ms: 2, samples: 18, neverRefused: 2 } },
      { label: "session (SESSION_CACHE=push): logout", refusedOnNextRequest: false, note: "why not" },
    ];
    const bench = sessionCacheBench(run({ revocation }))!;
    assert.equal(bench.caches[1]!.revocations[0]!.otherInstanceNeverRefused, 2);
    assert.deepEqual(bench.caches[0]!.revocations[0], { event: "logout", refusedOnNextRequest: false, note: "why not", otherInstanceP99Ms: null, otherInstanceNeverRefused: 0 });
  });

  test("a target without a figure has no ratio rather than a made-up one", () => {
    const targets = run().targets.map((t) => (t.key === "session-me" ? { ...t, summary: null } : t));
    assert.equal(sessionCacheBench(run({ targets }))!.caches[0]!.ratio, null);
  });

  test("names the fleet and a short trial run", () => {
    const bench = sessionCacheBench(run({ machine: { cores: 2, cpu: "X", database: "PostgreSQL", fleet: { instances: 2 } }, settings: { short: true } }));
    assert.equal(bench!.where, "PostgreSQL, fleet of 2, 2 cores (X)");
    assert.equal(bench!.trial, true);
  });

  test("anything that is not a bench result, or has no session target, is left out", () => {
    assert.equal(sessionCacheBench(null), null);
    assert.equal(sessionCacheBench({ kind: "bench:profile" }), null);
    assert.equal(sessionCacheBench(run({ targets: [] })), null);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { chooseReference, defaultFirstBench, differences, revocationSummary } from "./default-first-bench.ts";

const sqliteDefault = { cache: "push", check: "denylist", alg: "EdDSA" };
const postgresDefault = { cache: "off", check: "denylist", alg: "EdDSA" };
const byDatabase = ({ database }: { database: string }) => (database === "SQLite" ? sqliteDefault : postgresDefault);

const me = (server: string, auth: string, rps: number) => ({
  key: `${auth}-${server}`,
  server,
  auth,
  path: auth === "session-cookie" ? "/api/session/me" : "/api/jwt/me",
  baseline: "floor",
  summary: { rps },
});

const run = (overrides: Record<string, unknown> = {}) => ({
  kind: "bench:http",
  finishedAt: "2026-12-07T05:00:00.000Z",
  machine: { cores: 2, cpu: "AMD EPYC", database: "SQLite", fleet: null },
  settings: { short: false },
  servers: [
    { key: "denylist-EdDSA", cache: "push", check: "denylist", alg: "EdDSA" },
    { key: "none-EdDSA", cache: "push", check: "none", alg: "EdDSA" },
    { key: "denylist-EdDSA-cache-off", cache: "off", check: "denylist", alg: "EdDSA" },
  ],
  targets: [
    { key: "floor", server: "denylist-EdDSA", auth: "none", path: "/api/bench/floor", baseline: null, summary: { rps: 1000 } },
    { key: "baseline", server: "denylist-EdDSA", auth: "none", path: "/api/bench/baseline", baseline: "floor", summary: { rps: 800 } },
    me("denylist-EdDSA", "session-cookie", 900),
    me("denylist-EdDSA", "jwt-cookie", 950),
    me("denylist-EdDSA", "jwt-bearer", 990),
    me("none-EdDSA", "jwt-cookie", 970),
    me("denylist-EdDSA-cache-off", "session-cookie", 600),
  ],
  revocation: [
    { label: "session (SESSION_CACHE=push): logout", refusedOnNextRequest: true, lagMs: 0 },
    { label: "JWT (denylist, EdDSA, SESSION_CACHE=push): logout", refusedOnNextRequest: true, lagMs: 0 },
    { label: "JWT (denylist, EdDSA, SESSION_CACHE=push): device revocation", refusedOnNextRequest: null, note: "no device list" },
    { label: "JWT (none, EdDSA asked, HS256 signed, SESSION_CACHE=push): logout", refusedOnNextRequest: false, note: "valid until exp" },
    { label: "session (SESSION_CACHE=off): logout", refusedOnNextRequest: true, lag: { p99Ms: 3.2, samples: 20, neverRefused: 0 } },
  ],
  ...overrides,
});

describe("defaultFirstBench", () => {
  test("the default configuration's row comes first and is marked, the alternatives keep the run's order", () => {
    const bench = defaultFirstBench(run(), byDatabase)!;
    assert.deepEqual(bench.rows.map((row) => [row.key, row.isDefault]), [["denylist-EdDSA", true], ["none-EdDSA", false], ["denylist-EdDSA-cache-off", false]]);
    assert.deepEqual(bench.rows[1]!.differs, ["JWT_REVOCATION_CHECK=none"]);
  });

  test("the default follows the database: off leads a PostgreSQL run even when the run listed push first", () => {
    const machine = { cores: 2, cpu: "AMD EPYC", database: "PostgreSQL", fleet: null };
    const bench = defaultFirstBench(run({ machine }), byDatabase)!;
    assert.equal(bench.rows[0]!.key, "denylist-EdDSA-cache-off");
    assert.equal(bench.rows[0]!.isDefault, true);
    assert.deepEqual(bench.rows[1]!.differs, ["SESSION_CACHE=push"]);
  });

  test("a run that did not measure the default marks no row as default rather than promoting another", () => {
    const bench = defaultFirstBench(run(), () => ({ cache: "cookie", check: "denylist", alg: "EdDSA" }))!;
    assert.ok(bench.rows.every((row) => !row.isDefault));
    assert.equal(bench.rows[0]!.key, "denylist-EdDSA");
  });

  test("each /me is divided by the floor when the run has one", () => {
    const [main] = defaultFirstBench(run(), byDatabase)!.rows;
    assert.deepEqual(main!.session, { rps: 900, ratio: 0.9 });
    assert.deepEqual(main!.jwtBearer, { rps: 990, ratio: 0.99 });
  });

  test("session mode's figures and outcome belong only to the row that measured them", () => {
    const rows = defaultFirstBench(run(), byDatabase)!.rows;
    const none = rows.find((row) => row.key === "none-EdDSA")!;
    assert.equal(none.session, null);
    assert.equal(none.revocation.session, null);
    assert.equal(none.jwtBearer, null);
    // The bench names the alg that signed when it differs from the one asked for.
    assert.deepEqual(none.revocation.jwt, { refused: false, text: "still accepted after logout", detail: "valid until exp" });
    assert.equal(rows[0]!.revocation.jwt?.text, "refused on the next request");
  });

  test("a fleet's rows say how long the other instance took", () => {
    const off = defaultFirstBench(run(), byDatabase)!.rows.find((row) => row.cache === "off")!;
    assert.deepEqual(off.revocation.session, { refused: true, text: "refused on the next request", detail: "other instance: p99 ≤ 3.2 ms" });
  });

  test("the trial flag, the machine and the date come from the file; anything else is not a bench result", () => {
    const bench = defaultFirstBench(run({ settings: { short: true } }), byDatabase)!;
    assert.equal(bench.trial, true);
    assert.equal(bench.where, "SQLite, 2 cores (AMD EPYC)");
    assert.equal(bench.finishedAt, "2026-12-07T05:00:00.000Z");
    assert.equal(defaultFirstBench({ kind: "bench:peers" }, byDatabase), null);
  });
});

describe("chooseReference", () => {
  test("the floor first, our uncredentialed route for runs that predate it, nothing rather than a guess", () => {
    const floor = { path: "/api/bench/floor", summary: { rps: 1200 } };
    const baseline = { path: "/api/bench/baseline", summary: { rps: 1000 } };
    assert.deepEqual(chooseReference([baseline, floor]), { kind: "floor", path: "/api/bench/floor", rps: 1200 });
    assert.deepEqual(chooseReference([baseline]), { kind: "baseline", path: "/api/bench/baseline", rps: 1000 });
    assert.deepEqual(chooseReference([{ ...floor, summary: null }, baseline])?.kind, "baseline");
    assert.equal(chooseReference([]), null);
  });
});

describe("revocationSummary", () => {
  const outcome = (event: string, refusedOnNextRequest: boolean, note: string | null = null) => ({ event, refusedOnNextRequest, note, otherInstanceP99Ms: null, otherInstanceNeverRefused: 0 });

  test("names every event that left the credential working, with the bench's reason", () => {
    const summary = revocationSummary([outcome("logout", true), outcome("password change", false, "cookie cache"), outcome("admin disable", false)]);
    assert.deepEqual(summary, { refused: false, text: "still accepted after password change, admin disable", detail: "cookie cache" });
  });

  test("counts fleet samples the other instance never refused, and says nothing for no events", () => {
    const summary = revocationSummary([{ ...outcome("logout", true), otherInstanceP99Ms: 1, otherInstanceNeverRefused: 2 }]);
    assert.equal(summary?.detail, "other instance: p99 ≤ 1.0 ms; other instance never refused 2 samples while polled");
    assert.equal(revocationSummary([]), null);
  });
});

describe("differences", () => {
  test("lists what a row sets differently, in the order the settings are read", () => {
    assert.deepEqual(differences({ cache: "off", check: "none", alg: "HS256" }, sqliteDefault), ["SESSION_CACHE=off", "JWT_REVOCATION_CHECK=none", "JWT_ALG=HS256"]);
    assert.deepEqual(differences(sqliteDefault, sqliteDefault), []);
  });
});

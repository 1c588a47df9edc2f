import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";
import type { AuthMode } from "../auth/types.ts";
import type { LabResult } from "../labs/types.ts";
import type { CheckFigures, ModeSnapshot, Sizes } from "../metrics/auth-metrics.ts";
import { evidenceFigures } from "./evidence-figures.ts";
import { fleetRevocationReach } from "./fleet-reach.ts";
import { headlines, lagTone, type HeadlineInputs } from "./headlines.ts";
import type { Headline, HeadlineId } from "./types.ts";

const none: Sizes = { samples: 0, p50: null, max: null, last: null, distinct: [] };
const noChecks: CheckFigures = { samples: 0, inFigures: 0, latencyMicros: { p50: null, p75: null, p90: null, p95: null, p99: null }, queriesPerCheck: { mean: null, max: null } };
const checks = (n: number, mean: number): CheckFigures => ({ ...noChecks, samples: n, inFigures: n, queriesPerCheck: { mean, max: Math.ceil(mean) } });
const traffic = { accepted: 0, cold: noChecks, warm: noChecks, cookieBytes: none, setCookieBytes: none };
const emptyMode: ModeSnapshot = { checks: 0, rejected: 0, visitors: traffic, labs: traffic };

function column(mode: AuthMode, here: number, there: number, codes: string[]) {
  return {
    mode,
    steps: [],
    verdict: { outcome: "downstream_token_outlives_logout", tone: "bounded" as const, headline: "…", reasonCodes: codes },
    measures: { revocationLagSeconds: here, downstreamRevocationLagSeconds: there, downstreamTokenLifetimeSeconds: 60 },
  };
}
const stolen: LabResult = {
  lab: "stolen-credential",
  runId: "00000000-0000-0000-0000-000000000000",
  startedAt: "2026-12-06T10:00:00.000Z",
  finishedAt: "2026-12-06T10:00:02.000Z",
  origin: "http://localhost:3100",
  user: { email: "lab@example.test", role: "user", deleted: true },
  config: { JWT_REVOCATION_CHECK: "none" },
  columns: { session: column("session", 0, 57, ["session_unknown", "session_store_required", "accepted"]), jwt: column("jwt", 897, 57, ["accepted", "token_wrong_aud", "accepted"]) },
  notes: [],
};

const base: HeadlineInputs = {
  machine: "process-ab12, 2 cores (AMD EPYC)",
  metricsSince: "2026-12-06T09:00:00.000Z",
  sessionCache: "off",
  revocationCheck: "denylist",
  snapshot: { session: emptyMode, jwt: emptyMode },
  stolen: null,
  fleetReach: null,
  cookieHttpOnly: true,
};
const card = (inputs: HeadlineInputs, id: HeadlineId): Headline => headlines(inputs).find((one) => one.id === id)!;

describe("headlines", () => {
  test("six cards, the copied credential first, each with evidence and a meaning", () => {
    const cards = headlines(base);
    assert.deepEqual(cards.map((one) => one.id), ["copied-after-logout", "bytes", "db-reads", "revocation-reach", "verify-without-db", "injected-script"]);
    for (const one of cards) assert.ok(one.meaning.length > 0 && one.evidence.href.startsWith("/"));
  });

  test("nothing measured yet: each slot offers the one action that measures it, never 'not measured yet'", () => {
    const copied = card(base, "copied-after-logout");
    assert.deepEqual(copied.slots.session, copied.slots.jwt);
    assert.equal(copied.slots.session.kind === "action" && copied.slots.session.href, "/labs/stolen-credential");
    assert.equal(copied.source, null);
    const bytes = card(base, "bytes").slots.jwt;
    assert.equal(bytes.kind === "action" && bytes.href, "/jwt/login?next=/jwt/dashboard");
    assert.equal(card(base, "revocation-reach").slots.session.kind, "action");
  });

  test("a copy refused here but alive ≤ 60 s downstream is bounded; alive until exp here is exposed", () => {
    const copied = card({ ...base, stolen }, "copied-after-logout");
    assert.deepEqual(copied.slots.session, { kind: "figure", value: "0 s", words: "refused here on the very next request", tone: "bounded", samples: "1 replay", detail: "downstream: 57 s (its own ≤ 60 s token)" });
    assert.equal(copied.slots.jwt.kind === "figure" && copied.slots.jwt.tone, "exposed");
    assert.equal(copied.slots.jwt.kind === "figure" && copied.slots.jwt.value, "897 s");
    assert.match(copied.source!.label, /JWT_REVOCATION_CHECK=none/);
    assert.equal(copied.source!.measuredAt, stolen.finishedAt);
  });

  test("lagTone: 0 held, within the bound bounded, beyond it or unknown exposed", () => {
    assert.equal(lagTone(0, 60), "safe");
    assert.equal(lagTone(57, 60), "bounded");
    assert.equal(lagTone(61, 60), "exposed");
    assert.equal(lagTone(57, null), "exposed");
    assert.equal(lagTone(null, 60), "exposed");
  });

  test("bytes and reads come from the visitors' checks, with their sample counts", () => {
    const session: ModeSnapshot = { ...emptyMode, visitors: { ...traffic, cold: checks(12, 1), cookieBytes: { samples: 12, p50: 212, max: 230, last: 212, distinct: [212, 230] } } };
    const inputs = { ...base, snapshot: { session, jwt: emptyMode } };
    assert.deepEqual(card(inputs, "bytes").slots.session, { kind: "figure", value: "212 B", words: "cookie on every request (p50)", tone: "neutral", samples: "12 checks", detail: "max 230 B" });
    const reads = card(inputs, "db-reads");
    assert.equal(reads.slots.session.kind === "figure" && reads.slots.session.value, "1.00");
    assert.equal(reads.slots.jwt.kind, "action");
    assert.equal(reads.source?.window, "since");
  });

  test("warm reads cannot exist with SESSION_CACHE=off: one sentence says why and which setting", () => {
    assert.match(card(base, "db-reads").notes[0]!, /SESSION_CACHE=off.*SESSION_CACHE=push/);
    assert.deepEqual(card({ ...base, sessionCache: "push" }, "db-reads").notes, []);
  });

  test("revocation reach comes from the committed fleet bench, for the running cache", () => {
    const json = JSON.parse(readFileSync(new URL("../../docs/bench/http-postgresql-fleet.json", import.meta.url), "utf8"));
    const reach = fleetRevocationReach(json, "off");
    assert.ok(reach);
    assert.equal(reach.session?.measured, "session (SESSION_CACHE=off)");
    assert.match(reach.jwt?.measured ?? "", /^JWT \(denylist, EdDSA, SESSION_CACHE=off\)$/);
    const slot = card({ ...base, fleetReach: reach }, "revocation-reach").slots.session;
    assert.equal(slot.kind === "figure" && slot.samples, "20 logouts");
    assert.equal(slot.kind === "figure" && slot.tone, "safe");
    assert.equal(fleetRevocationReach({ kind: "something else" }, "off"), null);
  });

  test("who verifies without the database: read from the downstream service's real answers", () => {
    const verify = card({ ...base, stolen }, "verify-without-db");
    assert.equal(verify.slots.session.kind === "figure" && verify.slots.session.value, "Only this app");
    assert.match(verify.slots.jwt.kind === "figure" ? verify.slots.jwt.words : "", /signature verified without a database/);
  });

  test("the decision record's rows: measured ones with date and machine, the rest with the action", () => {
    const now = new Date("2026-12-06T12:00:00Z");
    const rows = evidenceFigures(headlines({ ...base, stolen }), now);
    assert.equal(rows[0]!.measuredAt, stolen.finishedAt);
    assert.equal(rows[0]!.machine, "http://localhost:3100");
    const bytes = rows.find((row) => row.title.startsWith("Bytes"))!;
    assert.equal(bytes.measuredAt, null);
    assert.match(bytes.note ?? "", /Log in with session mode; Log in with JWT mode/);
  });
});

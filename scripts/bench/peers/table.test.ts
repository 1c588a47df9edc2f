import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyRevocation, formatSeconds, markdownTable, outcomeCell, ratioToOpen, type PeerRow } from "./table.ts";

const lifetime = { seconds: 300, why: "cookieCache.maxAge" };

describe("classifyRevocation", () => {
  it("calls a 401 or 403 after sign-out refused at once", () => {
    assert.deepEqual(classifyRevocation(401, lifetime), { kind: "refused" });
    assert.deepEqual(classifyRevocation(403, lifetime), { kind: "refused" });
  });
  it("calls a 200 accepted for the configured lifetime", () => {
    assert.deepEqual(classifyRevocation(200, lifetime), { kind: "accepted", forSeconds: 300, why: "cookieCache.maxAge" });
  });
  it("does not call a server error either", () => {
    assert.equal(classifyRevocation(500, lifetime).kind, "unknown");
    assert.equal(classifyRevocation(null, lifetime).kind, "unknown");
  });
});

describe("cells", () => {
  it("writes lifetimes in the unit they are configured in", () => {
    assert.equal(formatSeconds(300), "5 min");
    assert.equal(formatSeconds(45), "45 s");
    assert.equal(formatSeconds(900), "15 min");
    assert.equal(formatSeconds(2_592_000), "30 d");
    assert.equal(formatSeconds(7200), "2 h");
  });
  it("names the outcome", () => {
    assert.equal(outcomeCell({ kind: "refused" }), "refused at once");
    assert.equal(outcomeCell({ kind: "accepted", forSeconds: 900, why: "token expiry" }), "accepted for ≤ 15 min (token expiry)");
    assert.equal(outcomeCell(null), "—");
  });
});

describe("ratioToOpen", () => {
  it("divides by the same app's open route", () => {
    assert.equal(ratioToOpen({ authRps: 900, openRps: 1000 }), 0.9);
  });
  it("gives null, not a number, when either side is missing", () => {
    assert.equal(ratioToOpen({ authRps: null, openRps: 1000 }), null);
    assert.equal(ratioToOpen({ authRps: 900, openRps: null }), null);
    assert.equal(ratioToOpen({ authRps: 900, openRps: 0 }), null);
  });
});

describe("markdownTable", () => {
  const measured: PeerRow = { key: "a", label: "ours: session", authRps: 1234.4, openRps: 1500, credentialBytes: 120, queriesPerRequest: 0, revocation: { kind: "refused" } };
  const failed: PeerRow = { key: "b", label: "Better Auth", authRps: null, openRps: null, credentialBytes: null, queriesPerRequest: null, revocation: null, error: "needs Node ≥ 22" };
  it("rounds and states what was not measured, with the reason under the table", () => {
    const table = markdownTable([measured, failed]);
    assert.match(table, /\| ours: session \| 1234 \| 0\.82 \| 120 \| 0 \| refused at once \|/);
    assert.match(table, /\| Better Auth \| not measured \| — \| — \| — \| — \|/);
    assert.match(table, /- Better Auth: needs Node ≥ 22/);
  });
});

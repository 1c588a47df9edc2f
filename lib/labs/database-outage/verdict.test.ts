import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { judgeOutage, acceptedFailOpen } from "./verdict.ts";

const base = { before: "accepted", after: "accepted", cutShort: false, duringDegraded: false };

describe("judgeOutage", () => {
  test("session: 503 during, 200 after → fails closed", () => {
    const { verdict, measures } = judgeOutage({ ...base, during: { status: 503, code: "session_store_unavailable" } });
    assert.equal(verdict.outcome, "fails_closed");
    assert.equal(verdict.tone, "degraded");
    assert.match(verdict.headline, /503 session_store_unavailable/);
    assert.deepEqual(verdict.reasonCodes, ["session_store_unavailable", "accepted"]);
    assert.deepEqual(measures, { answeredDuringOutage: false, revocationCheckedDuringOutage: null, recovered: true });
  });

  test("jwt: 200 during without the denylist → fails open, and says so in the codes", () => {
    const { verdict, measures } = judgeOutage({ ...base, during: { status: 200, code: "accepted" }, duringDegraded: true });
    assert.equal(verdict.outcome, "fails_open");
    assert.deepEqual(verdict.reasonCodes, ["accepted", "fail_open", "accepted"]);
    assert.equal(measures.revocationCheckedDuringOutage, false);
  });

  test("jwt: 200 with every usual check → unaffected", () => {
    const { verdict, measures } = judgeOutage({ ...base, during: { status: 200, code: "accepted" } });
    assert.equal(verdict.outcome, "unaffected");
    assert.equal(measures.revocationCheckedDuringOutage, true);
  });

  test("jwt failing closed is reported like the session", () => {
    assert.equal(judgeOutage({ ...base, during: { status: 503, code: "revocation_check_unavailable" } }).verdict.outcome, "fails_closed");
  });

  test("no recovery, a cut-short outage, or no login beforehand are called out", () => {
    const during = { status: 503, code: "session_store_unavailable" };
    assert.equal(judgeOutage({ ...base, during, after: "session_store_unavailable" }).verdict.outcome, "not_recovered");
    assert.equal(judgeOutage({ ...base, during, cutShort: true }).verdict.outcome, "cut_short");
    assert.equal(judgeOutage({ ...base, during, before: "seal_invalid" }).verdict.outcome, "not_logged_in");
  });
});

describe("acceptedFailOpen", () => {
  test("reads the typed failOpen of /me's answer, not its wording", () => {
    assert.equal(acceptedFailOpen({ user: { id: "u" }, token: { failOpen: true, revocationCheck: "skipped" } }), true);
    assert.equal(acceptedFailOpen({ user: { id: "u" }, token: { failOpen: false, revocationCheck: "revocation state unreachable" } }), false);
    assert.equal(acceptedFailOpen({ token: { failOpen: "true" } }), false, "only the boolean counts");
    assert.equal(acceptedFailOpen(null), false);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { judgeJwtRole, judgeSessionRole } from "./verdict.ts";

const jwtAsDesigned = {
  before: "role=admin",
  afterDemotion: "role=admin",
  refresh: "accepted",
  afterRefresh: "role=user",
  oldTokenAfterRefresh: "role=admin",
  oldTokenSecondsLeft: 898,
};

describe("judgeSessionRole", () => {
  test("user on the next request → fresh", () => {
    const { verdict, measures } = judgeSessionRole({ before: "role=admin", afterDemotion: "role=user" });
    assert.equal(verdict.outcome, "fresh_on_next_request");
    assert.deepEqual(verdict.reasonCodes, ["role=admin", "role=user"]);
    assert.equal(measures.staleRoleSeconds, 0);
  });

  test("still admin → stale, exposed", () => {
    assert.equal(judgeSessionRole({ before: "role=admin", afterDemotion: "role=admin" }).verdict.tone, "exposed");
  });

  test("not admin to begin with → inconclusive", () => {
    assert.equal(judgeSessionRole({ before: "session_unknown", afterDemotion: "role=user" }).verdict.outcome, "not_admin_before");
  });
});

describe("judgeJwtRole", () => {
  test("admin until refresh, user after, the old token still admin until exp", () => {
    const { verdict, measures } = judgeJwtRole(jwtAsDesigned);
    assert.equal(verdict.outcome, "stale_until_refresh");
    assert.equal(verdict.tone, "exposed");
    assert.match(verdict.headline, /old token still says admin for another 898 s/);
    assert.deepEqual(verdict.reasonCodes, ["role=admin", "role=admin", "accepted", "role=user", "role=admin"]);
    assert.deepEqual(measures, { roleFreshAfterRefresh: true, staleRoleSeconds: 898 });
  });

  test("a check that read the role would make it fresh at once", () => {
    assert.equal(judgeJwtRole({ ...jwtAsDesigned, afterDemotion: "role=user" }).verdict.outcome, "fresh_on_next_request");
  });

  test("a failed refresh or a refreshed token still saying admin is not the expected pattern", () => {
    assert.equal(judgeJwtRole({ ...jwtAsDesigned, refresh: "refresh_reused", afterRefresh: "refresh_reused" }).verdict.outcome, "unexpected");
    assert.equal(judgeJwtRole({ ...jwtAsDesigned, afterRefresh: "role=admin" }).verdict.outcome, "unexpected");
  });

  test("the default check refuses the old token at once (token_stale): safe, and nothing stale to measure", () => {
    const seen = { ...jwtAsDesigned, afterDemotion: "token_stale", oldTokenAfterRefresh: "token_stale" };
    const { verdict, measures } = judgeJwtRole(seen);
    assert.equal(verdict.outcome, "refused_until_refresh");
    assert.equal(verdict.tone, "safe");
    assert.deepEqual(verdict.reasonCodes, ["role=admin", "token_stale", "accepted", "role=user", "token_stale"]);
    assert.deepEqual(measures, { roleFreshAfterRefresh: true, staleRoleSeconds: 0 });
    assert.equal(judgeJwtRole({ ...seen, afterRefresh: "role=admin" }).verdict.outcome, "unexpected");
  });

  test("an old token refused after the refresh is said so", () => {
    const { verdict, measures } = judgeJwtRole({ ...jwtAsDesigned, oldTokenAfterRefresh: "token_stale" });
    assert.match(verdict.headline, /old token no longer works/);
    assert.equal(measures.staleRoleSeconds, null);
  });
});

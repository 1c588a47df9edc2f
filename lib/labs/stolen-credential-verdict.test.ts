import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { judgeStolenCredential } from "./stolen-credential-verdict.ts";

describe("judgeStolenCredential", () => {
  test("session: refused at the app, undecidable downstream → revoked at once, lag 0", () => {
    const { verdict, measures } = judgeStolenCredential("session", { before: "accepted", app: "session_unknown", downstream: "session_store_required", secondsUntilExp: null });
    assert.equal(verdict.outcome, "revoked_at_once");
    assert.equal(verdict.tone, "safe");
    assert.deepEqual(verdict.reasonCodes, ["session_unknown", "session_store_required"]);
    assert.match(verdict.headline, /session_unknown/);
    assert.deepEqual(measures, { acceptedAfterLogout: false, acceptedDownstreamAfterLogout: false, revocationLagSeconds: 0, downstreamRevocationLagSeconds: 0 });
  });

  test("jwt with a denylist: refused here, accepted downstream until exp", () => {
    const { verdict, measures } = judgeStolenCredential("jwt", { before: "accepted", app: "token_revoked", downstream: "accepted", secondsUntilExp: 897 });
    assert.equal(verdict.outcome, "revoked_here_only");
    assert.equal(verdict.tone, "exposed");
    assert.match(verdict.headline, /token_revoked.*another 897 s/);
    assert.equal(measures.revocationLagSeconds, 0);
    assert.equal(measures.downstreamRevocationLagSeconds, 897);
  });

  test("jwt without a check: accepted everywhere, the lag is the rest of the token's life", () => {
    const { verdict, measures } = judgeStolenCredential("jwt", { before: "accepted", app: "accepted", downstream: "accepted", secondsUntilExp: 600 });
    assert.equal(verdict.outcome, "replay_accepted");
    assert.match(verdict.headline, /here and downstream/);
    assert.equal(measures.revocationLagSeconds, 600);
  });

  test("a session replay that works is exposed, with an unknown lag", () => {
    const { verdict, measures } = judgeStolenCredential("session", { before: "accepted", app: "accepted", downstream: "session_store_required", secondsUntilExp: null });
    assert.equal(verdict.tone, "exposed");
    assert.equal(measures.revocationLagSeconds, null);
  });

  test("a copy that never worked, or a replay without an answer, proves nothing", () => {
    const never = judgeStolenCredential("jwt", { before: "token_expired", app: "token_expired", downstream: "token_expired", secondsUntilExp: 0 });
    assert.equal(never.verdict.outcome, "copy_never_worked");
    const silent = judgeStolenCredential("jwt", { before: "accepted", app: "no_answer", downstream: "accepted", secondsUntilExp: 5 });
    assert.equal(silent.verdict.tone, "inconclusive");
  });
});

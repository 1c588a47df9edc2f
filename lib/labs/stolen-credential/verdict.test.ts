import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { judgeStolenCredential, type ReplayObservation } from "./verdict.ts";

/** A downstream token minted before logout, replayed after it with 57 of its 60 s left. */
const minted = { exchange: "accepted", downstreamToken: "accepted", downstreamTokenSecondsLeft: 57, downstreamTokenLifetimeSeconds: 60 } as const;
const jwtDenylist: ReplayObservation = { before: "accepted", app: "token_revoked", downstream: "token_wrong_aud", secondsUntilExp: 897, ...minted };

describe("judgeStolenCredential", () => {
  test("session: refused at the app, undecidable downstream, the downstream token lives out its 60 s", () => {
    const { verdict, measures } = judgeStolenCredential("session", { before: "accepted", app: "session_unknown", downstream: "session_store_required", secondsUntilExp: null, ...minted });
    assert.equal(verdict.outcome, "downstream_token_outlives_logout");
    // 57 s left of a 60 s token: a window fixed in advance, not a 900 s access token's.
    assert.equal(verdict.tone, "bounded");
    assert.deepEqual(verdict.reasonCodes, ["session_unknown", "session_store_required", "accepted"]);
    assert.match(verdict.headline, /refused the copied cookie on the very next request after logout \(session_unknown\)/);
    assert.match(verdict.headline, /downstream token still worked there after logout — for another 57 s, until exp, a 60 s token/);
    assert.deepEqual(measures, {
      acceptedAfterLogout: false,
      acceptedDownstreamAfterLogout: false,
      downstreamTokenAcceptedAfterLogout: true,
      revocationLagSeconds: 0,
      downstreamRevocationLagSeconds: 57,
      downstreamTokenLifetimeSeconds: 60,
    });
  });

  test("jwt with a denylist: refused here, the copied access token refused downstream (wrong audience), the downstream token lives ≤ 60 s", () => {
    const { verdict, measures } = judgeStolenCredential("jwt", jwtDenylist);
    assert.equal(verdict.outcome, "downstream_token_outlives_logout");
    assert.equal(verdict.tone, "bounded");
    assert.match(verdict.headline, /token_revoked.*refused it outright \(token_wrong_aud\).*another 57 s/);
    assert.doesNotMatch(verdict.headline, /897/);
    assert.equal(measures.revocationLagSeconds, 0);
    assert.equal(measures.acceptedDownstreamAfterLogout, false);
    assert.equal(measures.downstreamRevocationLagSeconds, 57);
  });

  test("an access token that still works downstream (the old shared audience) is named, with its own lag", () => {
    const { verdict, measures } = judgeStolenCredential("jwt", { ...jwtDenylist, downstream: "accepted" });
    assert.equal(verdict.outcome, "revoked_here_only");
    assert.equal(measures.downstreamRevocationLagSeconds, 897);
  });

  test("jwt without a check: accepted here until exp; downstream still only the exchanged token", () => {
    const { verdict, measures } = judgeStolenCredential("jwt", { ...jwtDenylist, app: "accepted", secondsUntilExp: 600 });
    assert.equal(verdict.outcome, "replay_accepted");
    assert.match(verdict.headline, /still worked here after logout — for another 600 s/);
    assert.equal(measures.revocationLagSeconds, 600);
  });

  test("a downstream token longer than the exchange's cap, or of unknown life, is exposed, not bounded", () => {
    assert.equal(judgeStolenCredential("jwt", { ...jwtDenylist, downstreamTokenLifetimeSeconds: 900, downstreamTokenSecondsLeft: 897 }).verdict.tone, "exposed");
    assert.equal(judgeStolenCredential("jwt", { ...jwtDenylist, downstreamTokenLifetimeSeconds: null }).verdict.tone, "exposed");
    assert.equal(judgeStolenCredential("jwt", { ...jwtDenylist, downstreamTokenSecondsLeft: 61 }).verdict.tone, "exposed");
  });

  test("no downstream token minted (HS256): says why, and judges the rest", () => {
    const { verdict, measures } = judgeStolenCredential("jwt", { ...jwtDenylist, exchange: "eddsa_required", downstreamToken: null, downstreamTokenSecondsLeft: null, downstreamTokenLifetimeSeconds: null });
    assert.equal(verdict.outcome, "revoked_at_once");
    assert.equal(verdict.tone, "safe");
    assert.match(verdict.headline, /No downstream token was minted \(the exchange answered eddsa_required\)/);
    assert.equal(measures.downstreamRevocationLagSeconds, 0);
  });

  test("a session replay that works is exposed, with an unknown lag", () => {
    const { verdict, measures } = judgeStolenCredential("session", { before: "accepted", app: "accepted", downstream: "session_store_required", secondsUntilExp: null, ...minted });
    assert.equal(verdict.tone, "exposed");
    assert.equal(measures.revocationLagSeconds, null);
  });

  test("a copy that never worked, or a replay without an answer, proves nothing", () => {
    assert.equal(judgeStolenCredential("jwt", { ...jwtDenylist, before: "token_expired" }).verdict.outcome, "copy_never_worked");
    assert.equal(judgeStolenCredential("jwt", { ...jwtDenylist, app: "no_answer" }).verdict.tone, "inconclusive");
    assert.equal(judgeStolenCredential("jwt", { ...jwtDenylist, downstreamToken: "no_answer" }).verdict.tone, "inconclusive");
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { judgeFleetReplay, type FleetReplayObservation } from "./verdict.ts";

const refusedEverywhere = (code: string): FleetReplayObservation["instances"] => [
  { name: "127.0.0.1:3931", code },
  { name: "127.0.0.1:3932", code },
];

describe("judgeFleetReplay", () => {
  test("session: every instance and the downstream refuse the cookie; without a downstream token → revoked everywhere", () => {
    const { verdict, measures } = judgeFleetReplay("session", {
      before: "accepted",
      logout: "accepted",
      instances: refusedEverywhere("session_unknown"),
      downstream: "no_credential",
      downstreamToken: null,
      secondsUntilExp: null,
      downstreamTokenSecondsLeft: null,
    });
    assert.equal(verdict.outcome, "revoked_everywhere");
    assert.equal(verdict.tone, "safe");
    assert.deepEqual(verdict.reasonCodes, ["session_unknown", "session_unknown", "no_credential"]);
    assert.match(verdict.headline, /Every instance \(2\) refused the copied cookie/);
    assert.deepEqual(measures, {
      instancesReplayed: 2,
      instancesRefusingAfterLogout: 2,
      acceptedDownstreamAfterLogout: false,
      downstreamTokenAcceptedAfterLogout: false,
      downstreamRevocationLagSeconds: 0,
    });
  });

  test("jwt: the shared denylist refuses on every instance, the downstream refuses the access token and takes the downstream token until its exp", () => {
    const { verdict, measures } = judgeFleetReplay("jwt", {
      before: "accepted",
      logout: "accepted",
      instances: refusedEverywhere("token_revoked"),
      downstream: "token_wrong_aud",
      downstreamToken: "accepted",
      secondsUntilExp: 890,
      downstreamTokenSecondsLeft: 58,
    });
    assert.equal(verdict.outcome, "downstream_token_outlives_logout");
    assert.equal(verdict.tone, "bounded");
    assert.deepEqual(verdict.reasonCodes, ["token_revoked", "token_revoked", "token_wrong_aud", "accepted"]);
    assert.match(verdict.headline, /refused the copied token outright \(token_wrong_aud\).*another 58 s/);
    assert.equal(measures.downstreamRevocationLagSeconds, 58);
  });

  test("a downstream token with more time left than the exchange ever grants, or with none known, is exposed", () => {
    const seen = { before: "accepted", logout: "accepted", instances: refusedEverywhere("token_revoked"), downstream: "token_wrong_aud", downstreamToken: "accepted", secondsUntilExp: 890 };
    assert.equal(judgeFleetReplay("jwt", { ...seen, downstreamTokenSecondsLeft: 600 }).verdict.tone, "exposed");
    assert.equal(judgeFleetReplay("jwt", { ...seen, downstreamTokenSecondsLeft: null }).verdict.tone, "exposed");
  });

  test("an access token the downstream still accepts (a shared audience) is exposed until its exp", () => {
    const { verdict, measures } = judgeFleetReplay("jwt", {
      before: "accepted",
      logout: "accepted",
      instances: refusedEverywhere("token_revoked"),
      downstream: "accepted",
      downstreamToken: "accepted",
      secondsUntilExp: 890,
      downstreamTokenSecondsLeft: 58,
    });
    assert.equal(verdict.outcome, "revoked_in_fleet_only");
    assert.match(verdict.headline, /another 890 s/);
    assert.equal(measures.downstreamRevocationLagSeconds, 890);
  });

  test("an instance that still accepts (per-process revocation) is named", () => {
    const { verdict, measures } = judgeFleetReplay("jwt", {
      before: "accepted",
      logout: "accepted",
      instances: [
        { name: "127.0.0.1:3931", code: "accepted" },
        { name: "127.0.0.1:3932", code: "token_revoked" },
      ],
      downstream: "token_wrong_aud",
      downstreamToken: "accepted",
      secondsUntilExp: 10,
      downstreamTokenSecondsLeft: 10,
    });
    assert.equal(verdict.outcome, "accepted_on_an_instance");
    assert.match(verdict.headline, /127\.0\.0\.1:3931/);
    assert.equal(measures.instancesRefusingAfterLogout, 1);
  });

  test("nothing is concluded without a working copy, a logout, two instances, or answers", () => {
    const base: FleetReplayObservation = {
      before: "accepted",
      logout: "accepted",
      instances: refusedEverywhere("token_revoked"),
      downstream: "token_wrong_aud",
      downstreamToken: "accepted",
      secondsUntilExp: 5,
      downstreamTokenSecondsLeft: 5,
    };
    assert.equal(judgeFleetReplay("jwt", { ...base, before: "token_expired" }).verdict.outcome, "copy_never_worked");
    assert.equal(judgeFleetReplay("jwt", { ...base, logout: "http_500" }).verdict.outcome, "logout_failed");
    assert.equal(judgeFleetReplay("jwt", { ...base, instances: base.instances.slice(1) }).verdict.outcome, "not_a_fleet");
    assert.equal(judgeFleetReplay("jwt", { ...base, instances: [...base.instances, { name: "x", code: "no_answer" }] }).verdict.outcome, "no_answer");
    for (const silent of [{ downstream: "no_answer" }, { downstreamToken: "no_answer" }]) {
      const unreachable = judgeFleetReplay("jwt", { ...base, ...silent }).verdict;
      assert.equal(unreachable.outcome, "downstream_unreachable");
      assert.equal(unreachable.tone, "inconclusive");
    }
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { judgeTampering } from "./verdict.ts";

const refusedAsDesigned = [
  { label: "flipped", expected: "seal_invalid", observed: "seal_invalid" },
  { label: "unknown id", expected: "session_unknown", observed: "session_unknown" },
];

describe("judgeTampering", () => {
  test("control accepted, every forgery refused → all_refused, with the observed codes", () => {
    const { verdict, measures } = judgeTampering("accepted", refusedAsDesigned);
    assert.equal(verdict.outcome, "all_refused");
    assert.equal(verdict.tone, "safe");
    assert.deepEqual(verdict.reasonCodes, ["seal_invalid", "session_unknown"]);
    assert.deepEqual(measures, { forgeries: 2, refused: 2, accepted: 0, refusedWithAnotherCode: 0 });
  });

  test("a refusal with another code than designed is still a refusal, and is counted", () => {
    const { verdict, measures } = judgeTampering("accepted", [{ label: "x", expected: "token_expired", observed: "token_bad_signature" }]);
    assert.equal(verdict.outcome, "all_refused");
    assert.match(verdict.headline, /1 with another code/);
    assert.equal(measures.refusedWithAnotherCode, 1);
  });

  test("one accepted forgery exposes the mode and is named", () => {
    const { verdict } = judgeTampering("accepted", [...refusedAsDesigned, { label: "alg: none", expected: "token_alg_not_allowed", observed: "accepted" }]);
    assert.equal(verdict.outcome, "forgery_accepted");
    assert.equal(verdict.tone, "exposed");
    assert.match(verdict.headline, /1 of 3 .*alg: none/);
  });

  test("a refused control makes the refusals meaningless", () => {
    assert.equal(judgeTampering("session_unknown", refusedAsDesigned).verdict.outcome, "control_refused");
  });

  test("a forgery without an answer is inconclusive", () => {
    assert.equal(judgeTampering("accepted", [{ label: "x", expected: "seal_invalid", observed: "no_answer" }]).verdict.tone, "inconclusive");
  });
});

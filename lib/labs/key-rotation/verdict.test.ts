import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { judgeKeyRotation, type RotationObservation } from "./verdict.ts";

const clean: RotationObservation = {
  oldKid: "A",
  newKid: "B",
  publishedAfterRotate: ["A", "B"],
  signedBeforeLead: "A",
  signedAfterLead: "B",
  cachedJwksNewToken: "accepted",
  oldTokenLastSecond: "accepted",
  oldTokenRetiredApp: "token_unknown_kid",
  oldTokenRetiredJwks: "token_unknown_kid",
};

describe("judgeKeyRotation", () => {
  test("published first, old tokens good until exp, retired key refused → safe", () => {
    const { verdict, measures } = judgeKeyRotation(clean);
    assert.equal(verdict.outcome, "rotated_without_refusal");
    assert.equal(verdict.tone, "safe");
    assert.deepEqual(verdict.reasonCodes, ["accepted", "accepted", "token_unknown_kid", "token_unknown_kid"]);
    assert.ok(Object.values(measures).every((value) => value === true));
  });

  test("a new key that signs at once (not published first) is exposed", () => {
    assert.equal(judgeKeyRotation({ ...clean, signedBeforeLead: "B" }).verdict.outcome, "signed_before_published");
    assert.equal(judgeKeyRotation({ ...clean, publishedAfterRotate: ["A"] }).verdict.outcome, "signed_before_published");
  });

  test("a rotation that never switches is degraded", () => {
    const { verdict } = judgeKeyRotation({ ...clean, signedAfterLead: "A" });
    assert.equal(verdict.outcome, "rotation_stuck");
    assert.equal(verdict.tone, "degraded");
  });

  test("a cached JWKS that does not know the new key is exposed, naming the refusal", () => {
    const { verdict } = judgeKeyRotation({ ...clean, cachedJwksNewToken: "token_unknown_kid" });
    assert.equal(verdict.outcome, "new_key_unknown_downstream");
    assert.match(verdict.headline, /token_unknown_kid/);
  });

  test("an old token refused before its exp, or a retired key still accepted, is exposed", () => {
    assert.equal(judgeKeyRotation({ ...clean, oldTokenLastSecond: "token_unknown_kid" }).verdict.outcome, "valid_token_refused");
    assert.equal(judgeKeyRotation({ ...clean, oldTokenRetiredJwks: "accepted" }).verdict.outcome, "retired_key_accepted");
  });
});

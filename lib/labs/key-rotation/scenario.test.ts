import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { rotateLabKeys } from "./scenario.ts";
import { judgeKeyRotation } from "./verdict.ts";

/** The scenario runs the app's real sign/verify and state code on a private key set: no server needed. */
describe("rotateLabKeys", () => {
  const t0 = new Date("2026-01-01T00:00:00Z");

  test("the old key signs until the lead passes, verifies until its last token expires, then is refused", async () => {
    const { observed } = await rotateLabKeys({ userId: "user-1" }, { ttlSeconds: 900, clockSkewSeconds: 15 }, t0);
    assert.notEqual(observed.oldKid, observed.newKid);
    assert.deepEqual(observed.publishedAfterRotate, [observed.oldKid, observed.newKid]);
    assert.equal(observed.signedBeforeLead, observed.oldKid);
    assert.equal(observed.signedAfterLead, observed.newKid);
    assert.equal(observed.cachedJwksNewToken, "accepted");
    assert.equal(observed.oldTokenLastSecond, "accepted");
    assert.equal(observed.oldTokenRetiredApp, "token_unknown_kid");
    assert.equal(observed.oldTokenRetiredJwks, "token_unknown_kid");
    assert.equal(judgeKeyRotation(observed).verdict.outcome, "rotated_without_refusal");
  });

  test("every step is in the transcript, tokens shortened, refusals in the app's error envelope", async () => {
    const { steps } = await rotateLabKeys({ userId: "user-1" }, { ttlSeconds: 60, clockSkewSeconds: 0 }, t0);
    assert.equal(steps.length, 11);
    const serialised = JSON.stringify(steps);
    assert.doesNotMatch(serialised, /eyJ[\w-]{40,}\.[\w-]+\.[\w-]+/);
    const refused = steps.filter((step) => step.response?.status === 401);
    assert.deepEqual(refused.map((step) => (step.response?.body as { error: { code: string } }).error.code), ["token_unknown_kid", "token_unknown_kid"]);
    assert.equal(steps.at(-1)!.request.path, "JWKS-only verifier (copy from t0+150s) @ t0+150s");
  });
});

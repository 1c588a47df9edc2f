import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { counterRegressed, signedChallenge } from "./ceremonies.ts";

const clientData = (value: unknown) => ({ response: { clientDataJSON: Buffer.from(JSON.stringify(value)).toString("base64url") } });

describe("counterRegressed (WebAuthn §6.1.1)", () => {
  test("a counter that grows is fine; equal or lower is a clone", () => {
    assert.equal(counterRegressed(5, 6), false);
    assert.equal(counterRegressed(5, 5), true);
    assert.equal(counterRegressed(5, 2), true);
  });

  test("an authenticator that never counts (always 0) is not a clone", () => {
    assert.equal(counterRegressed(0, 0), false);
    assert.equal(counterRegressed(0, 1), false);
  });
});

describe("signedChallenge", () => {
  test("reads the challenge from clientDataJSON", () => {
    assert.equal(signedChallenge(clientData({ type: "webauthn.get", challenge: "abc" })), "abc");
  });

  test("null for anything else", () => {
    assert.equal(signedChallenge({ response: { clientDataJSON: "not base64 json!" } }), null);
    assert.equal(signedChallenge(clientData({ challenge: 42 })), null);
    assert.equal(signedChallenge(clientData("just a string")), null);
    assert.equal(signedChallenge(clientData({ challenge: "x".repeat(300) })), null);
  });
});

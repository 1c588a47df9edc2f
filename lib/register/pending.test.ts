import { before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { resetConfigForTests } from "../env.ts";
import { useSharedStateForTests } from "../state/index.ts";
import { createMemoryState } from "../state/memory.ts";
import { asPending, peekPendingSignUp, savePendingSignUp, takePendingSignUp, type PendingSignUp } from "./pending.ts";

process.env.SESSION_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_KEY_ENCRYPTION_SECRET ||= randomBytes(32).toString("base64url");
resetConfigForTests();
// This process's own memory state, whatever REDIS_URL the shell has.
before(() => useSharedStateForTests(createMemoryState()));

const passkeySignUp: PendingSignUp = {
  email: "pat@example.test",
  name: "Pat",
  mode: "jwt",
  credential: {
    method: "passkey",
    userId: "3f0c7e0e-9a51-4c7e-9a7e-3c2f1b0d5e11",
    passkey: { id: "Y3JlZGVudGlhbA", publicKey: "cHVibGljLWtleQ", counter: 0, transports: ["internal", "hybrid"], deviceType: "multiDevice", backedUp: true, name: "Passkey" },
  },
};
const passwordSignUp: PendingSignUp = { email: "sam@example.test", name: "Sam", mode: "session", credential: { method: "password", passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$x$y" } };

test("a pending sign-up holds either method's credential, read back whole, once", async () => {
  for (const pending of [passkeySignUp, passwordSignUp]) {
    const token = await savePendingSignUp(pending);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(await peekPendingSignUp(token), pending, "peeking does not use it up");
    assert.deepEqual(await takePendingSignUp(token), pending);
    assert.equal(await takePendingSignUp(token), null, "single use");
  }
});

test("a token of the wrong shape is no sign-up, without a look-up", async () => {
  assert.equal(await peekPendingSignUp("short"), null);
  assert.equal(await peekPendingSignUp("x".repeat(42) + "!"), null);
});

test("a record of another shape is no sign-up (an older version's, a damaged one)", () => {
  const { credential } = passkeySignUp as { credential: Extract<PendingSignUp["credential"], { method: "passkey" }> };
  // The shape before the credential was generalised: a password hash at the top level.
  assert.equal(asPending({ email: "a@example.test", name: "A", passwordHash: "$argon2id$…", mode: "session" }), null);
  assert.equal(asPending({ ...passkeySignUp, credential: { method: "magic" } }), null);
  assert.equal(asPending({ ...passkeySignUp, credential: { ...credential, userId: 7 } }), null);
  assert.equal(asPending({ ...passkeySignUp, credential: { ...credential, passkey: { ...credential.passkey, counter: "0" } } }), null);
  assert.equal(asPending({ ...passkeySignUp, credential: { ...credential, passkey: { ...credential.passkey, transports: [1] } } }), null);
  assert.equal(asPending({ ...passkeySignUp, credential: { ...credential, passkey: undefined } }), null);
  assert.equal(asPending(null), null);
  assert.deepEqual(asPending({ ...passkeySignUp, mode: "other" }), { ...passkeySignUp, mode: "session" });
});

import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { resetConfigForTests } from "../env.ts";
import { chargeSignUpAttempt } from "./throttle.ts";

process.env.SESSION_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_KEY_ENCRYPTION_SECRET ||= randomBytes(32).toString("base64url");
process.env.SIGNUP_MAX_ATTEMPTS_PER_CLIENT = "4";
process.env.SIGNUP_MAX_ATTEMPTS_PER_EMAIL = "2";
resetConfigForTests();

const T0 = new Date("2031-03-04T05:06:07Z");

test("every attempt is charged: per e-mail from any address, per address across e-mails", async () => {
  assert.deepEqual(await chargeSignUpAttempt("a@example.test", "198.51.100.1", T0), { allowed: true });

  assert.deepEqual(await chargeSignUpAttempt("a@example.test", "198.51.100.2", T0), { allowed: true });
  // A third try for the same address, even from a new client address, waits.
  assert.equal((await chargeSignUpAttempt("a@example.test", "198.51.100.3", T0)).allowed, false);

  // One client walking through addresses: 4 attempts, then refused.
  for (const email of ["b", "c", "d", "e"]) assert.equal((await chargeSignUpAttempt(`${email}@example.test`, "203.0.113.9", T0)).allowed, true);
  const refused = await chargeSignUpAttempt("f@example.test", "203.0.113.9", T0);
  assert.equal(refused.allowed, false);
  assert.ok(!refused.allowed && refused.retryAfterSeconds > 0);
  // A refused attempt is not charged: f@ is still free from another client.
  assert.equal((await chargeSignUpAttempt("f@example.test", "203.0.113.10", T0)).allowed, true);
  // After the window, the client may try again.
  assert.equal((await chargeSignUpAttempt("g@example.test", "203.0.113.9", new Date(T0.getTime() + 16 * 60_000))).allowed, true);
});

test("without a trusted client address, only the per-e-mail cap applies (no shared bucket to exhaust)", async () => {
  for (const email of ["h", "i", "j", "k", "l", "m"]) assert.equal((await chargeSignUpAttempt(`${email}@example.test`, null, T0)).allowed, true);
});

import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { getDb } from "../db.ts";
import { captureEvents } from "../log.ts";
import { cleanUpTestDatabase, createTestUser, T0 } from "../test-database.ts";
import type { AuthMode, RequestMeta } from "../auth/types.ts";
import { registerAccount, type SignIn } from "./register.ts";

const STRONG = "vellum-orbit-cactus-91-lantern";
const made: string[] = [];

after(async () => {
  await getDb().user.deleteMany({ where: { id: { in: made } } });
  await cleanUpTestDatabase();
});

/** Each test its own client address, so the sign-up throttle of one does not reach another. */
function meta(): RequestMeta {
  return { now: T0, userAgent: "integration-test", ip: `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}` };
}

function recordingSignIn() {
  const calls: { mode: AuthMode; email: string }[] = [];
  const signIn: SignIn = async (mode, credentials) => {
    calls.push({ mode, email: credentials.email });
    return { ok: true };
  };
  return { calls, signIn };
}

describe("registerAccount", () => {
  test("a free address: the user exists with an argon2id hash and role user, and is signed in to the asked mode", async () => {
    const email = `reg-${randomUUID()}@Example.test`;
    const { calls, signIn } = recordingSignIn();
    const outcome = await registerAccount({ name: "New Person", email, password: STRONG, mode: "jwt" }, meta(), signIn);
    assert.deepEqual(outcome, { ok: true, mode: "jwt" });
    const row = await getDb().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, include: { password: true } });
    made.push(row.id);
    assert.equal(row.role, "user");
    assert.match(row.password?.hash ?? "", /^\$argon2id\$/);
    assert.deepEqual(calls, [{ mode: "jwt", email: email.toLowerCase() }]);
  });

  test("a taken address: the same answer, nobody signed in, the account untouched", async () => {
    const existing = await createTestUser({ password: "the-owners-own-password" });
    const before = await getDb().user.findUniqueOrThrow({ where: { id: existing.id } });
    const { calls, signIn } = recordingSignIn();
    const { result: outcome, events } = await captureEvents(() =>
      registerAccount({ name: "Impostor", email: existing.email.toUpperCase(), password: STRONG, mode: "jwt" }, meta(), signIn),
    );
    assert.deepEqual(outcome, { ok: true, mode: "jwt" });
    // The server's own log still says what happened; only the visitor cannot tell.
    assert.deepEqual(events.map((event) => event.code), ["register_existing_email"]);
    assert.deepEqual(calls, []);
    assert.deepEqual(await getDb().user.findUniqueOrThrow({ where: { id: existing.id } }), before);
  });

  test("a weak password is refused with feedback before the database is touched, whatever the address", async () => {
    const existing = await createTestUser();
    const { calls, signIn } = recordingSignIn();
    const free = await registerAccount({ name: "X", email: `reg-${randomUUID()}@example.test`, password: "password1234", mode: "session" }, meta(), signIn);
    const taken = await registerAccount({ name: "X", email: existing.email, password: "password1234", mode: "session" }, meta(), signIn);
    assert.equal(free.ok, false);
    assert.deepEqual(free, taken);
    assert.deepEqual(calls, []);
  });

  test("the same e-mail tried too often is throttled (every attempt counts, refused ones too)", async () => {
    const email = `reg-${randomUUID()}@example.test`;
    const { signIn } = recordingSignIn();
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await registerAccount({ name: "Y", email, password: "password1234", mode: "session" }, meta(), signIn));
    const last = outcomes.at(-1)!;
    assert.equal(last.ok ? "allowed" : last.reason, "too_many_attempts");
  });
});

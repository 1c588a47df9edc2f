import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { getDb } from "../db.ts";
import { captureEvents } from "../log.ts";
import { readMailbox } from "../mail/outbox.ts";
import { cleanUpTestDatabase, createTestUser, T0 } from "../test-database.ts";
import type { RequestMeta } from "../auth/types.ts";
import { withPassword } from "../auth/methods/password/credentials.ts";
import { confirmSignUp } from "./confirm.ts";
import { registerAccount } from "./register.ts";
import { answerSignUp } from "./answer.ts";
import type { PendingSignUp } from "./pending.ts";

const STRONG = "vellum-orbit-cactus-91-lantern";
const made: string[] = [];

// The outbox is the local demo's (DEMO_MODE); these tests read it.
process.env.DEMO_MODE = "true";

after(async () => {
  await getDb().user.deleteMany({ where: { id: { in: made } } });
  await cleanUpTestDatabase();
});

/** Each test its own client address, so the sign-up throttle of one does not reach another. */
function meta(): RequestMeta {
  return { now: T0, userAgent: "integration-test", ip: `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}` };
}

const tokenIn = (href: string | undefined) => new URL(href ?? "", "http://x").searchParams.get("token") ?? "";

describe("registerAccount (issue 18.2: nothing to tell a free address from a taken one but the message sent there)", () => {
  test("a free address: nothing is created until the mailed link is used; then the user exists with an argon2id hash, once", async () => {
    const email = `reg-${randomUUID()}@Example.test`;
    const outcome = await registerAccount({ name: "New Person", email, password: STRONG, mode: "jwt" }, meta());
    assert.deepEqual(outcome, { ok: true, mode: "jwt" });
    assert.equal(await getDb().user.count({ where: { email: email.toLowerCase() } }), 0, "no account before the link is used");
    const [message] = await readMailbox(email.toLowerCase());
    assert.equal(message?.subject, "Finish your sign-up");
    const confirmed = await confirmSignUp(tokenIn(message?.link?.href));
    assert.equal(confirmed.ok && confirmed.mode, "jwt");
    const row = await getDb().user.findUniqueOrThrow({ where: { email: email.toLowerCase() }, include: { password: true } });
    made.push(row.id);
    assert.equal(row.role, "user");
    assert.match(row.password?.hash ?? "", /^\$argon2id\$/);
    assert.deepEqual(await confirmSignUp(tokenIn(message?.link?.href)), { ok: false, reason: "unknown_link" }, "single use");
  });

  test("a taken address: the same answer, the owner told by message, the account untouched", async () => {
    const existing = await createTestUser({ password: "the-owners-own-password" });
    const before = await getDb().user.findUniqueOrThrow({ where: { id: existing.id } });
    const { result: outcome, events } = await captureEvents(() =>
      registerAccount({ name: "Impostor", email: existing.email.toUpperCase(), password: STRONG, mode: "jwt" }, meta()),
    );
    assert.deepEqual(outcome, { ok: true, mode: "jwt" });
    assert.deepEqual(events.map((event) => event.code), ["register_existing_email"]);
    const [message] = await readMailbox(existing.email);
    assert.equal(message?.subject, "Someone tried to sign up with this address");
    assert.doesNotMatch(message?.link?.href ?? "", /token/);
    assert.deepEqual(await getDb().user.findUniqueOrThrow({ where: { id: existing.id } }), before);
  });

  test("a link whose address got an account in between creates nothing", async () => {
    const email = `reg-${randomUUID()}@example.test`;
    await registerAccount({ name: "First", email, password: STRONG, mode: "session" }, meta());
    const [message] = await readMailbox(email);
    const other = await getDb().user.create({ data: { email, name: "Quicker", role: "user", ...withPassword("x") } });
    made.push(other.id);
    assert.deepEqual(await confirmSignUp(tokenIn(message?.link?.href)), { ok: false, reason: "address_taken", mode: "session" });
  });

  test("a weak password is refused with feedback before the database is touched, whatever the address", async () => {
    const existing = await createTestUser();
    const free = await registerAccount({ name: "X", email: `reg-${randomUUID()}@example.test`, password: "password1234", mode: "session" }, meta());
    const taken = await registerAccount({ name: "X", email: existing.email, password: "password1234", mode: "session" }, meta());
    assert.equal(free.ok, false);
    assert.deepEqual(free, taken);
  });

  test("the same e-mail tried too often is throttled (every attempt counts, refused ones too)", async () => {
    const email = `reg-${randomUUID()}@example.test`;
    const outcomes = [];
    for (let i = 0; i < 7; i++) outcomes.push(await registerAccount({ name: "Y", email, password: "password1234", mode: "session" }, meta()));
    const last = outcomes.at(-1)!;
    assert.equal(last.ok ? "allowed" : last.reason, "too_many_attempts");
  });
});

describe("a passkey sign-up's pending record and confirmation (issue 18.2, the passkey method)", () => {
  /** What lib/auth/methods/passkey/sign-up.ts hands over once the registration verified. */
  function verifiedPasskeySignUp(email: string): PendingSignUp {
    const passkey = { id: randomBytes(16).toString("base64url"), publicKey: randomBytes(77).toString("base64url"), counter: 3, transports: ["internal", "hybrid"], deviceType: "multiDevice", backedUp: true, name: "Passkey" };
    return { email, name: "Pat Passkey", mode: "session", credential: { method: "passkey", userId: randomUUID(), passkey } };
  }

  test("a free address: nothing until the link is used; then the user, under the passkey's user handle, with exactly that passkey and no password", async () => {
    const email = `pk-${randomUUID()}@example.test`;
    const pending = verifiedPasskeySignUp(email);
    await answerSignUp(pending, meta());
    assert.equal(await getDb().user.count({ where: { email } }), 0, "no account before the link is used");
    const [message] = await readMailbox(email);
    assert.equal(message?.subject, "Finish your sign-up");
    const confirmed = await confirmSignUp(tokenIn(message?.link?.href));
    assert.ok(confirmed.ok);
    made.push(confirmed.user.id);
    assert.deepEqual([confirmed.user.id, confirmed.mode, confirmed.method], [pending.credential.method === "passkey" && pending.credential.userId, "session", "passkey"]);
    const row = await getDb().user.findUniqueOrThrow({ where: { email }, include: { password: true, passkeys: true } });
    assert.equal(row.password, null);
    const stored = row.passkeys.map(({ id, publicKey, counter, transports, deviceType, backedUp, name }) => ({ id, publicKey, counter: Number(counter), transports: transports.split(","), deviceType, backedUp, name }));
    assert.deepEqual(stored, [pending.credential.method === "passkey" && pending.credential.passkey]);
    assert.deepEqual(await confirmSignUp(tokenIn(message?.link?.href)), { ok: false, reason: "unknown_link" }, "single use");
  });

  test("a taken address: the owner told by message, no link, the account and its passkeys untouched", async () => {
    const existing = await createTestUser({ password: "the-owners-own-password" });
    const before = await getDb().user.findUniqueOrThrow({ where: { id: existing.id }, include: { passkeys: true } });
    const { events } = await captureEvents(() => answerSignUp(verifiedPasskeySignUp(existing.email), meta()));
    assert.deepEqual(events.map((event) => event.code), ["register_existing_email"]);
    const [message] = await readMailbox(existing.email);
    assert.equal(message?.subject, "Someone tried to sign up with this address");
    assert.doesNotMatch(message?.link?.href ?? "", /token/);
    assert.deepEqual(await getDb().user.findUniqueOrThrow({ where: { id: existing.id }, include: { passkeys: true } }), before);
  });

  test("a link whose address got an account in between creates nothing, not even the passkey", async () => {
    const email = `pk-${randomUUID()}@example.test`;
    const pending = verifiedPasskeySignUp(email);
    await answerSignUp(pending, meta());
    const [message] = await readMailbox(email);
    const other = await getDb().user.create({ data: { email, name: "Quicker", role: "user", ...withPassword("x") } });
    made.push(other.id);
    assert.deepEqual(await confirmSignUp(tokenIn(message?.link?.href)), { ok: false, reason: "address_taken", mode: "session" });
    const passkeyId = pending.credential.method === "passkey" ? pending.credential.passkey.id : "";
    assert.equal(await getDb().passkeyCredential.count({ where: { id: passkeyId } }), 0);
  });
});

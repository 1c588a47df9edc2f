import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { getDb } from "../../../db.ts";
import { cleanUpTestDatabase, createTestUser, T0 } from "../../../test-database.ts";
import { verifyCredentials } from "../password/credentials.ts";
import { addPasskey, advancePasskeyCounter, findPasskey, listPasskeys, removePasskey, type NewPasskey } from "./store.ts";

after(cleanUpTestDatabase);

const PASSWORD = "a-password-for-this-test";

function aPasskey(name = "Phone"): NewPasskey {
  return { id: randomUUID(), publicKey: "cHVibGlj", counter: 0, transports: ["internal", "hybrid"], deviceType: "singleDevice", backedUp: false, name };
}

describe("passkey rows", () => {
  test("stored and read back, transports and counter intact", async () => {
    const user = await createTestUser();
    const passkey = aPasskey();
    await addPasskey(user.id, passkey);
    const stored = await findPasskey(passkey.id);
    assert.deepEqual(stored && { id: stored.id, userId: stored.userId, transports: stored.transports, counter: stored.counter }, { id: passkey.id, userId: user.id, transports: ["internal", "hybrid"], counter: 0 });
  });

  test("the counter moves only from the value the check saw (a racing clone loses)", async () => {
    const user = await createTestUser();
    const passkey = aPasskey();
    await addPasskey(user.id, passkey);
    assert.equal(await advancePasskeyCounter(passkey.id, 0, 1, T0), true);
    assert.equal(await advancePasskeyCounter(passkey.id, 0, 1, T0), false);
    assert.equal((await findPasskey(passkey.id))?.counter, 1);
  });

  test("a counter beyond 2^31 fits (the spec's counter is 32-bit unsigned)", async () => {
    const user = await createTestUser();
    const passkey = { ...aPasskey(), counter: 4_000_000_000 };
    await addPasskey(user.id, passkey);
    assert.equal((await findPasskey(passkey.id))?.counter, 4_000_000_000);
  });
});

describe("removing a passkey never removes the last way to sign in", () => {
  test("passkey-only account: the last passkey is refused, the one before it is not", async () => {
    const user = await createTestUser();
    const [first, second] = [aPasskey("A"), aPasskey("B")];
    await addPasskey(user.id, first);
    await addPasskey(user.id, second);
    assert.deepEqual(await removePasskey(user.id, first.id), { ok: true });
    assert.deepEqual(await removePasskey(user.id, second.id), { ok: false, code: "last_method" });
    assert.equal((await listPasskeys(user.id)).length, 1);
  });

  test("with a password, the only passkey may go", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const passkey = aPasskey();
    await addPasskey(user.id, passkey);
    assert.deepEqual(await removePasskey(user.id, passkey.id), { ok: true });
    assert.equal((await verifyCredentials(user.email, PASSWORD))?.id, user.id);
  });

  test("someone else's passkey is not found, and stays", async () => {
    const owner = await createTestUser({ password: PASSWORD });
    const other = await createTestUser({ password: PASSWORD });
    const passkey = aPasskey();
    await addPasskey(owner.id, passkey);
    assert.deepEqual(await removePasskey(other.id, passkey.id), { ok: false, code: "not_found" });
    assert.ok(await getDb().passkeyCredential.findUnique({ where: { id: passkey.id } }));
  });
});

describe("a user without a password row", () => {
  test("fails the password check like a wrong password", async () => {
    const user = await createTestUser();
    assert.equal(await verifyCredentials(user.email, PASSWORD), null);
  });
});

import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { at, cleanUpTestDatabase, createTestUser, SECOND, T0 } from "./test-database.ts";
import { setUserDisabled } from "./account.ts";
import { changePassword } from "./auth/methods/password/change.ts";
import { issueRefreshFamily } from "./auth/jwt/refresh/rotation.ts";
import { newSessionSecret, sessionRowId } from "./auth/session/ids.ts";
import { insertSession } from "./auth/session/store.ts";
import { getDb } from "./db.ts";
import { verifyPassword } from "./auth/methods/password/hash.ts";
import { verifyCredentials } from "./auth/methods/password/credentials.ts";
import type { AuthUser } from "./users.ts";

after(cleanUpTestDatabase);

const OLD_PASSWORD = "old-password-for-it";
const NEW_PASSWORD = "new-password-for-it";

/** A user with three sessions and three refresh families, as after logging in on three devices. */
async function userWithLogins() {
  const user = await createTestUser({ password: OLD_PASSWORD });
  const sessions: string[] = [];
  const families: string[] = [];
  for (let i = 0; i < 3; i++) {
    const id = sessionRowId(newSessionSecret());
    await insertSession({ id, userId: user.id, now: T0, expiresAt: at(3600 * SECOND), userAgent: null, ip: null });
    sessions.push(id);
    families.push((await issueRefreshFamily(user.id, T0)).familyId);
  }
  return { user, sessions, families };
}

/** Everything that decides whether the user's credentials still work. */
async function stateOf(user: AuthUser) {
  const db = getDb();
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { password: true } });
  const sessions = (await db.session.findMany({ where: { userId: user.id }, select: { id: true } })).map((s) => s.id).sort();
  const live = await db.refreshFamily.findMany({ where: { userId: user.id, revokedAt: null }, select: { id: true } });
  return { passwordHash: row.password?.hash ?? null, tokenVersion: row.tokenVersion, disabledAt: row.disabledAt, sessions, liveFamilies: live.map((f) => f.id).sort() };
}

describe("changePassword", () => {
  test("a wrong current password → wrong_password, and nothing changes", async () => {
    const { user } = await userWithLogins();
    const before = await stateOf(user);
    const result = await changePassword({ userId: user.id, currentPassword: "not-it", newPassword: NEW_PASSWORD, current: {} }, at(SECOND));
    assert.deepEqual(result, { ok: false, code: "wrong_password" });
    assert.deepEqual(await stateOf(user), before);
  });

  test("success: new password, version bumped, every other session and family ended", async () => {
    const { user, sessions, families } = await userWithLogins();
    const bystander = await userWithLogins();
    const bystanderBefore = await stateOf(bystander.user);
    const keep = { sessionId: sessions[1], familyId: families[2] };

    const result = await changePassword({ userId: user.id, currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, current: keep }, at(SECOND));
    assert.ok(result.ok);
    assert.deepEqual(result.ended, { session: 2, jwt: 2 });
    assert.equal(result.user.tokenVersion, user.tokenVersion + 1, "the returned user is the updated row, for the renewal");

    const after = await stateOf(user);
    assert.deepEqual(after.sessions, [keep.sessionId]);
    assert.deepEqual(after.liveFamilies, [keep.familyId]);
    assert.equal(after.tokenVersion, user.tokenVersion + 1);
    const ended = await getDb().refreshFamily.findMany({ where: { id: { in: [families[0]!, families[1]!] } } });
    assert.deepEqual(ended.map((f) => [f.revokedReason, f.revokedAt?.getTime()]), [["password_changed", at(SECOND).getTime()], ["password_changed", at(SECOND).getTime()]]);

    assert.equal(await verifyPassword(after.passwordHash ?? "", NEW_PASSWORD), true);
    assert.equal(await verifyPassword(after.passwordHash ?? "", OLD_PASSWORD), false);
    assert.equal((await verifyCredentials(user.email, NEW_PASSWORD))?.id, user.id);
    assert.equal(await verifyCredentials(user.email, OLD_PASSWORD), null);
    assert.deepEqual(await stateOf(bystander.user), bystanderBefore, "another user's logins are untouched");
  });

  test("with nothing kept, every session and family ends", async () => {
    const { user } = await userWithLogins();
    const result = await changePassword({ userId: user.id, currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, current: {} }, at(SECOND));
    assert.deepEqual(result.ok && result.ended, { session: 3, jwt: 3 });
    const after = await stateOf(user);
    assert.deepEqual([after.sessions, after.liveFamilies], [[], []]);
  });

  test("a disabled user → user_gone, even with the right password", async () => {
    const { user } = await userWithLogins();
    await setUserDisabled(user.id, true, T0);
    const result = await changePassword({ userId: user.id, currentPassword: OLD_PASSWORD, newPassword: NEW_PASSWORD, current: {} }, at(SECOND));
    assert.deepEqual(result, { ok: false, code: "user_gone" });
  });
});

describe("setUserDisabled", () => {
  test("disabling ends everything and bumps the version; re-enabling restores login, not the old credentials", async () => {
    const { user } = await userWithLogins();
    assert.deepEqual(await setUserDisabled(user.id, true, at(SECOND)), { found: true, ended: { session: 3, jwt: 3 } });
    const disabled = await stateOf(user);
    assert.deepEqual(disabled.disabledAt, at(SECOND));
    assert.equal(disabled.tokenVersion, user.tokenVersion + 1);
    assert.deepEqual([disabled.sessions, disabled.liveFamilies], [[], []]);
    assert.equal(await verifyCredentials(user.email, OLD_PASSWORD), null);

    assert.deepEqual(await setUserDisabled(user.id, false, at(2 * SECOND)), { found: true, ended: { session: 0, jwt: 0 } });
    const enabled = await stateOf(user);
    assert.equal(enabled.disabledAt, null);
    assert.equal(enabled.tokenVersion, user.tokenVersion + 1, "tokens from before the disable stay stale");
    assert.equal((await verifyCredentials(user.email, OLD_PASSWORD))?.id, user.id);
    assert.deepEqual(enabled.liveFamilies, [], "revoked families stay revoked");
  });

  test("an unknown id → found: false", async () => {
    assert.deepEqual(await setUserDisabled("no-such-user", true, T0), { found: false });
    assert.deepEqual(await setUserDisabled("no-such-user", false, T0), { found: false });
  });
});

import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { listRecentAudit, listUserAudit, type AuditActor } from "../audit/log.ts";
import { issueRefreshFamily } from "../auth/jwt/refresh/rotation.ts";
import { newSessionSecret, sessionRowId } from "../auth/session/ids.ts";
import { insertSession } from "../auth/session/store.ts";
import { getDb } from "../db.ts";
import { captureEvents, type LoggedEvent } from "../log.ts";
import { at, cleanUpTestDatabase, createTestUser, SECOND, T0 } from "../test-database.ts";
import { adminDisableUser, adminEnableUser, adminEndEverything, adminSetRole } from "./user-actions.ts";

after(cleanUpTestDatabase);

async function actorAdmin(): Promise<AuditActor> {
  const admin = await createTestUser({ role: "admin" });
  return { userId: admin.id, mode: "jwt", ip: "203.0.113.7", userAgent: "integration-test" };
}

async function userWithLogins() {
  const user = await createTestUser();
  await insertSession({ id: sessionRowId(newSessionSecret()), userId: user.id, now: T0, expiresAt: at(3600 * SECOND), userAgent: null, ip: null });
  await issueRefreshFamily(user.id, T0);
  return user;
}

/** The reasons of the admin refusals logged, in order: refusals write no audit row, so the log is their record. */
function refusalReasons(events: LoggedEvent[]): unknown[] {
  return events.filter((event) => event.code === "admin_action_refused").map((event) => event.fields.reason);
}

describe("admin actions write their audit entry", () => {
  test("disable: row changed, credentials ended, one entry with who, whom, when and from where", async () => {
    const actor = await actorAdmin();
    const target = await userWithLogins();
    const result = await adminDisableUser(actor, target.id, at(SECOND));
    assert.deepEqual(result, { ok: true, revokedSessions: 1, revokedFamilies: 1 });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: target.id } });
    assert.equal(row.disabledAt?.getTime(), at(SECOND).getTime());
    assert.equal(row.tokenVersion, target.tokenVersion + 1);
    const [entry, ...rest] = await listUserAudit(target.id, 10);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { action: entry!.action, actorId: entry!.actorId, actorMode: entry!.actorMode, ip: entry!.ip, userAgent: entry!.userAgent, at: entry!.at.getTime(), detail: entry!.detail },
      { action: "user.disable", actorId: actor.userId, actorMode: "jwt", ip: "203.0.113.7", userAgent: "integration-test", at: at(SECOND).getTime(), detail: { disabled: true } },
    );
  });

  test("enable, role change and end-all each add their own entry, newest first", async () => {
    const actor = await actorAdmin();
    const target = await userWithLogins();
    assert.equal((await adminDisableUser(actor, target.id, at(1 * SECOND))).ok, true);
    assert.equal((await adminEnableUser(actor, target.id, at(2 * SECOND))).ok, true);
    assert.equal((await adminSetRole(actor, target.id, "admin", at(3 * SECOND))).ok, true);
    await userWithLogins();
    await insertSession({ id: sessionRowId(newSessionSecret()), userId: target.id, now: T0, expiresAt: at(3600 * SECOND), userAgent: null, ip: null });
    assert.deepEqual(await adminEndEverything(actor, target.id, at(4 * SECOND)), { ok: true, revokedSessions: 1, revokedFamilies: 0 });
    const entries = await listUserAudit(target.id, 10);
    assert.deepEqual(entries.map((e) => e.action), ["user.end_all", "user.role", "user.enable", "user.disable"]);
    assert.deepEqual(entries[1]!.detail, { from: "user", to: "admin" });
    assert.ok((await listRecentAudit(100)).some((e) => e.id === entries[0]!.id));
  });

  test("refusals change nothing and write no audit row, but each is logged", async () => {
    const actor = await actorAdmin();
    const { events } = await captureEvents(async () => {
      assert.deepEqual(await adminDisableUser(actor, actor.userId, T0), { ok: false, code: "cannot_disable_self" });
      assert.deepEqual(await adminSetRole(actor, "no-such-user", "user", T0), { ok: false, code: "user_not_found" });
    });
    assert.deepEqual(refusalReasons(events), ["cannot_disable_self", "user_not_found"]);
    assert.deepEqual(await listUserAudit(actor.userId, 10), []);
    assert.deepEqual(await listUserAudit("no-such-user", 10), []);
  });
});

describe("never leave no admin", () => {
  test("the last active admin can be neither demoted nor disabled; with a second admin, both work", async () => {
    const db = getDb();
    // Files run one at a time (scripts/test-runner/), so parking the other admins here is safe; they come back in finally.
    const others = await db.user.findMany({ where: { role: "admin", disabledAt: null }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: T0 } });
    const { events } = await captureEvents(async () => {
      const last = await createTestUser({ role: "admin" });
      const actor: AuditActor = { userId: last.id, mode: "session", ip: null, userAgent: null };
      assert.deepEqual(await adminSetRole(actor, last.id, "user", T0), { ok: false, code: "last_admin" });
      const peer = await createTestUser({ role: "admin" });
      await db.user.update({ where: { id: peer.id }, data: { disabledAt: T0 } });
      // A disabled admin does not count: it cannot act.
      assert.deepEqual(await adminSetRole(actor, last.id, "user", T0), { ok: false, code: "last_admin" });
      assert.equal((await adminEnableUser(actor, peer.id, T0)).ok, true);
      const peerActor: AuditActor = { ...actor, userId: peer.id };
      assert.equal((await adminSetRole(actor, last.id, "user", at(SECOND))).ok, true);
      assert.deepEqual(await adminDisableUser({ ...actor, userId: last.id }, peer.id, T0), { ok: false, code: "last_admin" });
      assert.deepEqual(await adminSetRole(peerActor, peer.id, "user", T0), { ok: false, code: "last_admin" });
      assert.equal((await db.user.findUniqueOrThrow({ where: { id: last.id } })).role, "user");
    }).finally(() => db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { disabledAt: null } }));
    assert.deepEqual(refusalReasons(events), ["last_admin", "last_admin", "last_admin", "last_admin"]);
  });
});

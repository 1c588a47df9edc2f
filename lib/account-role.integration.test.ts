import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { changeUserRole } from "./account.ts";
import { getDb } from "./db.ts";
import { cleanUpTestDatabase, createTestUser } from "./test-database.ts";

after(cleanUpTestDatabase);

/**
 * Runs `work` with every active admin but `keep` (the seeded alice, other files' users)
 * turned into a plain user, then puts them back: integration files run one at a time.
 */
async function withOnlyAdmins(keep: string[], work: () => Promise<void>): Promise<void> {
  const db = getDb();
  const others = await db.user.findMany({ where: { role: "admin", id: { notIn: keep } }, select: { id: true } });
  const ids = others.map((user) => user.id);
  await db.user.updateMany({ where: { id: { in: ids } }, data: { role: "user" } });
  try {
    await work();
  } finally {
    await db.user.updateMany({ where: { id: { in: ids } }, data: { role: "admin" } });
  }
}

async function roleOf(id: string): Promise<string> {
  return (await getDb().user.findUniqueOrThrow({ where: { id }, select: { role: true } })).role;
}

describe("changeUserRole never leaves the app without an active admin", () => {
  test("an admin can be demoted while another active admin remains", async () => {
    const first = await createTestUser({ role: "admin" });
    const second = await createTestUser({ role: "admin" });
    await withOnlyAdmins([first.id, second.id], async () => {
      assert.deepEqual(await changeUserRole(first.id, "user"), { ok: true });
      assert.equal(await roleOf(first.id), "user");
    });
  });

  test("the last active admin cannot be demoted (itself or by anyone): last_admin, nothing written", async () => {
    const only = await createTestUser({ role: "admin" });
    const before = await getDb().user.findUniqueOrThrow({ where: { id: only.id } });
    await withOnlyAdmins([only.id], async () => {
      assert.deepEqual(await changeUserRole(only.id, "user"), { ok: false, code: "last_admin" });
    });
    const afterward = await getDb().user.findUniqueOrThrow({ where: { id: only.id } });
    assert.equal(afterward.role, "admin");
    assert.equal(afterward.tokenVersion, before.tokenVersion);
  });

  test("a disabled admin does not count as the admin that remains", async () => {
    const active = await createTestUser({ role: "admin" });
    const disabled = await createTestUser({ role: "admin" });
    await getDb().user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    await withOnlyAdmins([active.id, disabled.id], async () => {
      assert.deepEqual(await changeUserRole(active.id, "user"), { ok: false, code: "last_admin" });
      // Demoting the disabled one takes no active admin away.
      assert.deepEqual(await changeUserRole(disabled.id, "user"), { ok: true });
    });
  });

  test("two admins demoting each other at once: exactly one succeeds", async () => {
    const first = await createTestUser({ role: "admin" });
    const second = await createTestUser({ role: "admin" });
    await withOnlyAdmins([first.id, second.id], async () => {
      const results = await Promise.all([changeUserRole(first.id, "user"), changeUserRole(second.id, "user")]);
      assert.deepEqual(results.map((result) => result.ok).sort(), [false, true]);
      assert.deepEqual([await roleOf(first.id), await roleOf(second.id)].sort(), ["admin", "user"]);
    });
  });

  test("promoting, and an unknown id", async () => {
    const user = await createTestUser();
    assert.deepEqual(await changeUserRole(user.id, "admin"), { ok: true });
    assert.deepEqual(await changeUserRole("no-such-user", "user"), { ok: false, code: "user_not_found" });
  });
});

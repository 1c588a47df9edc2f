import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { cleanUpTestDatabase, createTestUser } from "../test-database.ts";
import { getDb, makeDatabaseUnreachable } from "../db.ts";
import { createThrowawayUser, deleteThrowawayUser, withThrowawayUser } from "./throwaway-user.ts";
import { verifyCredentials } from "../users.ts";

after(cleanUpTestDatabase);

describe("makeDatabaseUnreachable (the outage lab's seam in lib/db.ts)", () => {
  test("every query fails while it is on; the real client is back afterwards, unchanged", async () => {
    const user = await createTestUser();
    const real = getDb();
    const restore = makeDatabaseUnreachable();
    try {
      assert.notEqual(getDb(), real);
      await assert.rejects(getDb().user.findUnique({ where: { id: user.id } }));
      await assert.rejects(getDb().$queryRaw`SELECT 1`);
    } finally {
      await restore();
    }
    assert.equal(getDb(), real);
    assert.equal((await getDb().user.findUnique({ where: { id: user.id } }))?.id, user.id);
  });

  test("restoring twice is harmless (the timer and the finally may both do it)", async () => {
    const real = getDb();
    const restore = makeDatabaseUnreachable();
    await restore();
    await restore();
    assert.equal(getDb(), real);
  });
});

describe("throwaway users", () => {
  test("can log in with their password, and are gone with their rows afterwards", async () => {
    const { result, user, deleted } = await withThrowawayUser("admin", async (throwaway) => {
      assert.match(throwaway.email, /^lab-[a-z0-9_-]+@labs\.invalid$/);
      return verifyCredentials(throwaway.email, throwaway.password);
    });
    assert.equal(result?.role, "admin");
    assert.equal(deleted, true);
    assert.equal(await getDb().user.count({ where: { id: user.id } }), 0);
  });

  test("are deleted even when the lab throws", async () => {
    let id = "";
    await assert.rejects(
      withThrowawayUser("user", async (throwaway) => {
        id = throwaway.id;
        throw new Error("lab broke");
      }),
      /lab broke/,
    );
    assert.equal(await getDb().user.count({ where: { id } }), 0);
  });

  test("each run gets its own address", async () => {
    const [a, b] = await Promise.all([createThrowawayUser("user"), createThrowawayUser("user")]);
    assert.notEqual(a.email, b.email);
    assert.equal(await deleteThrowawayUser(a), true);
    assert.equal(await deleteThrowawayUser(b), true);
    assert.equal(await deleteThrowawayUser(b), false);
  });
});

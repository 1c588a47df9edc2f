import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { cleanUpTestDatabase, createTestUser } from "../../test-database.ts";
import { getDb } from "../../db.ts";
import { isLabUserId } from "../lab-user-id.ts";
import { logEvent } from "../../log.ts";
import { LAB_OUTAGE_HEADER, labOutageClient, labOutageEvents, openLabOutage, runInLabOutageIfMarked } from "./scope.ts";
import { createThrowawayUser, deleteThrowawayUser, withThrowawayUser } from "../throwaway-user.ts";
import { verifyCredentials } from "../../auth/methods/password/credentials.ts";

after(cleanUpTestDatabase);

describe("the outage lab's seam (lib/labs/database-outage/scope.ts)", () => {
  test("only a request carrying the open outage's secret loses the database; others keep it at the same time", async () => {
    const user = await createTestUser();
    const real = getDb();
    const outage = openLabOutage();
    try {
      const marked = new Request("http://x/api/session/me", { headers: { [LAB_OUTAGE_HEADER]: outage.handle } });
      const unmarked = new Request("http://x/api/session/me");
      const [inside, outside] = await Promise.allSettled([
        runInLabOutageIfMarked(marked, () => getDb().user.findUnique({ where: { id: user.id } })),
        runInLabOutageIfMarked(unmarked, () => getDb().user.findUnique({ where: { id: user.id } })),
      ]);
      assert.equal(inside.status, "rejected");
      assert.equal(outside.status, "fulfilled");
      assert.equal(getDb(), real, "the process's client is untouched");
    } finally {
      await outage.restore();
    }
  });

  test("what the app logs for the outage's own requests is kept for the lab, not printed; everyone else's prints", async (t) => {
    const printed: string[] = [];
    t.mock.method(console, "error", (line: string) => printed.push(line));
    const outage = openLabOutage();
    try {
      const marked = new Request("http://x/", { headers: { [LAB_OUTAGE_HEADER]: outage.handle } });
      await runInLabOutageIfMarked(marked, async () => logEvent("session_store_unreachable", { error: "lab" }, "error"));
      await runInLabOutageIfMarked(new Request("http://x/"), async () => logEvent("session_store_unreachable", { error: "real" }, "error"));
      assert.deepEqual(labOutageEvents(outage.handle), [{ code: "session_store_unreachable", fields: { error: "lab" }, level: "error" }]);
      assert.deepEqual(printed, ['[auth] session_store_unreachable {"error":"real"}']);
    } finally {
      await outage.restore();
    }
    assert.equal(labOutageEvents(outage.handle), null, "a closed outage keeps nothing");
  });

  test("a guessed, empty or closed secret gets the real database", async () => {
    const outage = openLabOutage();
    await outage.restore();
    await outage.restore(); // twice is harmless: the timer and the finally may both do it
    for (const value of [outage.handle, "", "guess"]) {
      const request = new Request("http://x/", { headers: { [LAB_OUTAGE_HEADER]: value } });
      assert.equal(labOutageClient(request.headers), null);
      assert.equal(await runInLabOutageIfMarked(request, async () => (await getDb().$queryRaw<unknown[]>`SELECT 1`).length), 1);
    }
  });
});

describe("throwaway users", () => {
  test("can log in with their password, and are gone with their rows afterwards", async () => {
    const { result, user, deleted } = await withThrowawayUser("admin", async (throwaway) => {
      assert.match(throwaway.email, /^lab-[a-z0-9_-]+@labs\.invalid$/);
      return verifyCredentials(throwaway.email, throwaway.password);
    });
    assert.equal(result?.role, "admin");
    // The id that tells the metrics this user's checks are lab traffic, as stored and read back.
    assert.equal(isLabUserId(result?.id ?? ""), true);
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

import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cleanUpTestDatabase } from "../test-database.ts";
import { getDb, onDatabaseQuery } from "../db.ts";
import { countQueries } from "./query-count.ts";

after(cleanUpTestDatabase);

/** The real wiring: Prisma's own query events, counted per async scope, as the DAL uses it. */
describe("countQueries against the real client", () => {
  test("each statement Prisma runs counts once", async () => {
    const db = getDb();
    const { result, queries } = await countQueries(async () => {
      const users = await db.user.count();
      await db.$queryRaw`SELECT 1`;
      return users;
    });
    assert.ok(result >= 2, "the seeded users are there");
    assert.equal(queries, 2);
  });

  test("concurrent scopes keep their own counts", async () => {
    const db = getDb();
    const run = (n: number) =>
      countQueries(async () => {
        for (let i = 0; i < n; i++) await db.user.findFirst({ select: { id: true } });
      });
    const results = await Promise.all([run(3), run(1), run(0), run(2)]);
    assert.deepEqual(results.map((r) => r.queries), [3, 1, 0, 2]);
  });

  test("queries outside any scope are not counted by one running meanwhile", async () => {
    const db = getDb();
    const [scoped] = await Promise.all([countQueries(() => db.user.count()), db.user.count(), db.user.count()]);
    assert.equal(scoped.queries, 1);
  });

  test("a listener added through another copy of lib/db, as a separate bundle has, hears the shared client", async () => {
    // Next may load lib/db once per bundle (pages, route handlers); the client is shared on
    // globalThis, so its listeners must be too, or a copy that did not create it counts nothing.
    const copy = (await import(`../db.ts?bundle=${randomUUID()}` as string)) as { onDatabaseQuery: typeof onDatabaseQuery };
    assert.notEqual(copy.onDatabaseQuery, onDatabaseQuery, "a separate module instance");
    let heard = 0;
    const stop = copy.onDatabaseQuery(() => heard++);
    try {
      await getDb().user.count();
    } finally {
      stop();
    }
    assert.equal(heard, 1);
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDatabaseUnavailable } from "./db-errors.ts";
import { ObservedSqliteAdapter, type SqliteConnection } from "./db-sqlite-connection.ts";
import { querySqlitePrepared, toSqliteParam, toSqliteText } from "./db-prepared.ts";
import { onDatabaseQuery } from "./db.ts";

// The real adapter on an in-memory database: if a Prisma upgrade stops handing over its
// Database, the hot reads would quietly go back through $queryRaw; this fails instead.
async function connectInMemory() {
  const seen: SqliteConnection[] = [];
  const adapter = await new ObservedSqliteAdapter({ url: ":memory:" }, (connection) => seen.push(connection)).connect();
  await adapter.executeScript(`CREATE TABLE "T" ("id" TEXT PRIMARY KEY, "n" INTEGER NOT NULL, "at" DATETIME NOT NULL);
INSERT INTO "T" VALUES ('a', 1, '2026-12-07T00:30:05.123+00:00'), ('b', 2, '2026-12-08T00:00:00.000+00:00');`);
  return { adapter, seen };
}

const BY_ID = { name: "t_by_id", text: `SELECT "id", "n" FROM "T" WHERE "id" = $1` };

describe("the SQLite adapter's own connection", () => {
  test("each connection the adapter opens is reported, and it is the one the adapter queries", async () => {
    const { adapter, seen } = await connectInMemory();
    assert.equal(seen.length, 1);
    const rows = await querySqlitePrepared<{ id: string; n: bigint }>(seen[0]!, BY_ID, ["b"]);
    // The table exists only on the adapter's own (in-memory) connection.
    assert.deepEqual(rows, [{ id: "b", n: 2n }]);
    await adapter.dispose();
    assert.equal(seen[0]!.open, false);
  });

  test("a statement is prepared once per connection, and each run is one reported query", async () => {
    const { adapter, seen } = await connectInMemory();
    const real = seen[0]!;
    let prepares = 0;
    const counted: SqliteConnection = {
      get open() {
        return real.open;
      },
      prepare(sql) {
        prepares += 1;
        return real.prepare(sql);
      },
    };
    const durations: number[] = [];
    const stop = onDatabaseQuery(({ duration }) => durations.push(duration));
    try {
      assert.equal((await querySqlitePrepared(counted, BY_ID, ["a"])).length, 1);
      assert.equal((await querySqlitePrepared(counted, BY_ID, ["zz"])).length, 0);
      assert.equal((await querySqlitePrepared(counted, BY_ID, ["b"])).length, 1);
    } finally {
      stop();
      await adapter.dispose();
    }
    assert.equal(prepares, 1);
    assert.equal(durations.length, 3);
  });

  test("a Date is bound as the adapter stores it, so text comparisons on DATETIME columns hold", async () => {
    const { adapter, seen } = await connectInMemory();
    try {
      const after = { name: "t_after", text: `SELECT "id" FROM "T" WHERE "at" > $1 ORDER BY "id"` };
      const ids = async (instant: Date) => (await querySqlitePrepared<{ id: string }>(seen[0]!, after, [instant])).map((row) => row.id);
      assert.deepEqual(await ids(new Date("2026-12-07T00:30:05.122Z")), ["a", "b"]);
      assert.deepEqual(await ids(new Date("2026-12-07T00:30:05.123Z")), ["b"]);
      // The same instant written with another offset: bound as UTC all the same.
      assert.deepEqual(await ids(new Date("2026-12-08T01:00:00.000+01:00")), []);
    } finally {
      await adapter.dispose();
    }
  });

  test("the driver's own error for a file another connection has locked reads as unavailable (503), not a bug", async () => {
    const dir = mkdtempSync(join(tmpdir(), "svj-prepared-"));
    const url = join(dir, "locked.db");
    const holder = await new ObservedSqliteAdapter({ url }, () => {}).connect();
    const seen: SqliteConnection[] = [];
    // No busy timeout: the lock is refused at once rather than after a wait.
    const reader = await new ObservedSqliteAdapter({ url, timeout: 0 }, (connection) => seen.push(connection)).connect();
    try {
      await holder.executeScript(`CREATE TABLE "T" ("id" TEXT PRIMARY KEY, "n" INTEGER NOT NULL); BEGIN EXCLUSIVE;`);
      await assert.rejects(querySqlitePrepared(seen[0]!, BY_ID, ["a"]), (error) => isDatabaseUnavailable(error));
    } finally {
      await reader.dispose();
      await holder.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("parameters and placeholders as SQLite takes them", () => {
    assert.equal(toSqliteParam(new Date("2026-07-01T23:59:59.000+02:00")), "2026-07-01T21:59:59.000+00:00");
    assert.equal(toSqliteParam("jti-1"), "jti-1");
    assert.equal(toSqliteText(`WHERE a IN ($1, $2) AND b > $3 AND c = $10`), `WHERE a IN (?, ?) AND b > ? AND c = ?`);
  });
});

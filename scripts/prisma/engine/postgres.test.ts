// The real prisma CLI on PostgreSQL through the stand-in engine, on a throwaway database per test.
// PostgreSQL must be running: these tests fail (they do not skip) when it is not.
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { committedMigrationCount, describeRun, expectedTables, runPrisma } from "./run-prisma-cli.ts";

const TIMEOUT = 60_000;
/** Any database on the server, to create and drop the test databases from. */
const SERVER_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

function urlFor(database: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${url} (${(error as Error).message}). These tests need it: ` +
        "start it, or point TEST_POSTGRES_URL at a server where databases may be created.",
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The stand-in names each shadow database `<main database>_shadow_<random>`. */
const shadowDatabasesOf = async (database: string): Promise<string[]> =>
  onServer(SERVER_URL, async (c) =>
    (await c.query(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [`${database}_shadow_`])).rows.map(
      (row) => row.datname,
    ),
  );

/** A database name that does not exist yet (the CLI creates it), dropped after the test with any shadow left. */
async function throwawayDatabase(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const name = `svj_test_${randomBytes(6).toString("hex")}`;
  await onServer(SERVER_URL, async () => {}); // fail early and clearly if the server is down
  t.after(async () => {
    const leftovers = await shadowDatabasesOf(name);
    await onServer(SERVER_URL, async (c) => {
      for (const database of [name, ...leftovers]) await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    });
  });
  return name;
}

test("migrate deploy creates a fresh PostgreSQL database and applies every migration", { timeout: TIMEOUT }, async (t) => {
  const database = await throwawayDatabase(t);
  const databaseUrl = urlFor(database);

  const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl });
  assert.equal(deploy.code, 0, describeRun("migrate deploy", deploy));
  assert.match(deploy.output, new RegExp(`PostgreSQL database ${database} created`));
  assert.match(deploy.output, /All migrations have been successfully applied/);
  const tables = await onServer(databaseUrl, async (c) =>
    (await c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows.map((r) => r.tablename),
  );
  assert.deepEqual(tables, expectedTables());

  const status = await runPrisma(["migrate", "status"], { databaseUrl });
  assert.equal(status.code, 0, describeRun("migrate status", status));
  assert.match(status.output, /Database schema is up to date!/);
});

test("migrate dev uses a shadow database of its own and drops it, leaving the data alone", { timeout: TIMEOUT }, async (t) => {
  const database = await throwawayDatabase(t);
  const databaseUrl = urlFor(database);
  const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl });
  assert.equal(deploy.code, 0, describeRun("migrate deploy", deploy));
  await onServer(databaseUrl, (c) => c.query(`INSERT INTO "RevokedToken" ("jti", "expiresAt") VALUES ('kept', now())`));

  // Describes both databases (pg_catalog "char" columns: quirk 4) after replaying the history on
  // a shadow database (quirk 5: had it been the main database, the row would be gone).
  const dev = await runPrisma(["migrate", "dev"], { databaseUrl });
  assert.equal(dev.code, 0, describeRun("migrate dev", dev));
  assert.match(dev.output, /Already in sync/);
  const kept = await onServer(databaseUrl, async (c) => (await c.query(`SELECT "jti" FROM "RevokedToken"`)).rows);
  assert.deepEqual(kept, [{ jti: "kept" }]);
  assert.deepEqual(await shadowDatabasesOf(database), []);
});

test("migrate reset --force empties the database and re-applies migrations", { timeout: TIMEOUT }, async (t) => {
  const databaseUrl = urlFor(await throwawayDatabase(t));
  const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl });
  assert.equal(deploy.code, 0, describeRun("migrate deploy", deploy));
  await onServer(databaseUrl, (c) => c.query(`INSERT INTO "RevokedToken" ("jti", "expiresAt") VALUES ('gone', now())`));

  const reset = await runPrisma(["migrate", "reset", "--force"], { databaseUrl });
  assert.equal(reset.code, 0, describeRun("migrate reset", reset));
  const counts = await onServer(databaseUrl, async (c) =>
    (await c.query(`SELECT (SELECT COUNT(*) FROM "RevokedToken")::int AS tokens, (SELECT COUNT(*) FROM "_prisma_migrations")::int AS migrations`)).rows,
  );
  assert.deepEqual(counts, [{ tokens: 0, migrations: committedMigrationCount("postgres") }]);
});

// The real prisma CLI on SQLite through the stand-in engine. Each test gets its own database file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { committedMigrationCount, describeRun, expectedTables, projectRoot, runPrisma } from "./run-prisma-cli.ts";

const TIMEOUT = 60_000;

async function freshDatabaseUrl(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "svj-engine-sqlite-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return `file:${path.join(dir, "test.db")}`;
}

/** Runs SQL on the database file directly, not through the engine under test. */
async function query(url: string, sql: string): Promise<unknown[][]> {
  const adapter = await new PrismaBetterSqlite3({ url }).connect();
  try {
    return (await adapter.queryRaw({ sql, args: [], argTypes: [] })).rows;
  } finally {
    await adapter.dispose();
  }
}

const tableNames = async (url: string) =>
  (await query(url, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map(([name]) => name);

test("migrate deploy creates a fresh SQLite database and applies every migration", { timeout: TIMEOUT }, async (t) => {
  const databaseUrl = await freshDatabaseUrl(t);

  const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl });
  assert.equal(deploy.code, 0, describeRun("migrate deploy", deploy));
  assert.match(deploy.output, /All migrations have been successfully applied/);
  assert.deepEqual(await tableNames(databaseUrl), expectedTables());

  const status = await runPrisma(["migrate", "status"], { databaseUrl });
  assert.equal(status.code, 0, describeRun("migrate status", status));
  assert.match(status.output, /Database schema is up to date!/);

  // Replays the history on the in-memory shadow database (whole scripts: quirk 2).
  const dev = await runPrisma(["migrate", "dev"], { databaseUrl });
  assert.equal(dev.code, 0, describeRun("migrate dev", dev));
  assert.match(dev.output, /Already in sync/);
});

test("migrate reset --force empties the database and re-applies migrations, twice in a row", { timeout: TIMEOUT }, async (t) => {
  const databaseUrl = await freshDatabaseUrl(t);
  const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl });
  assert.equal(deploy.code, 0, describeRun("migrate deploy", deploy));

  for (const round of [1, 2]) {
    await query(databaseUrl, `INSERT INTO "RevokedToken" ("jti", "expiresAt") VALUES ('jti-${round}', 0)`);
    const reset = await runPrisma(["migrate", "reset", "--force"], { databaseUrl });
    assert.equal(reset.code, 0, describeRun(`migrate reset (round ${round})`, reset));
    assert.match(reset.output, /Database reset successful/);
    assert.deepEqual(await query(databaseUrl, `SELECT COUNT(*) FROM "RevokedToken"`), [[0]]);
    assert.deepEqual(await query(databaseUrl, `SELECT COUNT(*) FROM "_prisma_migrations"`), [[committedMigrationCount("sqlite")]]);
  }
});

/**
 * A copy of the project (the engine and node_modules shared) whose models `edit` changes, with
 * the committed migrations, so that `migrate dev` has a new migration to make.
 */
async function projectWithChangedModels(t: { after: (fn: () => Promise<void>) => void }, edit: (models: string) => string) {
  const copy = await mkdtemp(path.join(os.tmpdir(), "svj-engine-project-"));
  t.after(() => rm(copy, { recursive: true, force: true }));
  // prisma.config.ts reads the default database URL from lib/database-defaults.ts (no secrets).
  for (const name of ["package.json", "prisma.config.ts", "lib/database-defaults.ts"]) await cp(path.join(projectRoot, name), path.join(copy, name));
  for (const name of ["node_modules", "scripts"]) await symlink(path.join(projectRoot, name), path.join(copy, name));
  const schemaFolder = path.join(copy, "prisma", "sqlite");
  await cp(path.join(projectRoot, "prisma", "sqlite"), schemaFolder, { recursive: true, dereference: true });
  const models = path.join(schemaFolder, "models.prisma");
  const original = await readFile(models, "utf8");
  const changed = edit(original);
  assert.notEqual(changed, original, "the test's schema change did not apply");
  return {
    cwd: copy,
    databaseUrl: `file:${path.join(copy, "test.db")}`,
    migrations: path.join(schemaFolder, "migrations"),
    applyChange: () => writeFile(models, changed),
  };
}

test("migrate dev on a fresh database applies the history, then creates and applies a new migration", { timeout: TIMEOUT }, async (t) => {
  const project = await projectWithChangedModels(t, (models) => models.replace(/^(\s*ip\s+String\?)$/m, "$1\n  note String?"));
  await project.applyChange();

  // Applying the history takes SQLite's exclusive lock; the data-loss check must still read.
  const dev = await runPrisma(["migrate", "dev", "--name", "add_note"], project);
  assert.equal(dev.code, 0, describeRun("migrate dev", dev));
  const created = (await readdir(project.migrations)).filter((name) => name.endsWith("_add_note"));
  assert.equal(created.length, 1, describeRun("migrate dev", dev));
  const script = await readFile(path.join(project.migrations, created[0] ?? "", "migration.sql"), "utf8");
  assert.match(script, /ALTER TABLE "Session" ADD COLUMN "note" TEXT;/);
  assert.deepEqual(await query(project.databaseUrl, `SELECT COUNT(*) FROM "_prisma_migrations"`), [[committedMigrationCount("sqlite") + 1]]);
});

test("migrate dev shows the data-loss warning for a dropped column that holds data", { timeout: TIMEOUT }, async (t) => {
  const project = await projectWithChangedModels(t, (models) => models.replace(/^\s*ip\s+String\?\s*$/m, ""));
  const { databaseUrl } = project;

  const deploy = await runPrisma(["migrate", "deploy"], project);
  assert.equal(deploy.code, 0, describeRun("migrate deploy", deploy));
  await query(databaseUrl, `INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ('u', 'u@example.test', 'U', 0)`);
  await query(databaseUrl, `INSERT INTO "Session" ("id", "userId", "expiresAt", "ip") VALUES ('s', 'u', 0, '127.0.0.1')`);
  await project.applyChange();

  const dev = await runPrisma(["migrate", "dev", "--name", "drop_ip"], project);
  assert.match(dev.output, /You are about to drop the column `ip` on the `Session` table, which still contains 1 non-null values/);
  // Non-interactive, so the CLI refuses rather than asking; nothing was written.
  assert.notEqual(dev.code, 0, describeRun("migrate dev", dev));
  assert.deepEqual(await query(databaseUrl, `SELECT "ip" FROM "Session"`), [["127.0.0.1"]]);
});

// SQLite through @prisma/adapter-better-sqlite3, with what the wasm engine needs beyond it.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { UserFacingError } from "./errors.mjs";

/** `file:./x.db?opts` → absolute path. Relative paths resolve against the cwd (the project root). */
export function sqliteFilePath(url) {
  const withoutScheme = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return path.resolve(withoutScheme);
}

/**
 * The adapter factory the engine runs on. The shadow database is in memory, as natively.
 * `readOnly` opens the file read-only (see data-loss.mjs).
 */
export function createSqliteFactory(url, { readOnly = false } = {}) {
  const base = new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}`, readonly: readOnly });
  let main = null;
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    async connect() {
      main = await base.connect();
      return main;
    },
    /**
     * applyMigrations sets `locking_mode=EXCLUSIVE` (as natively), and after its first write the
     * connection keeps the file locked until it closes: no other connection can even read it.
     * The data-loss check reads through a second connection, so it hands the lock back first;
     * the next applyMigrations takes it again.
     */
    async releaseExclusiveLock() {
      // The lock goes at the end of the next transaction after the switch to NORMAL: one read.
      await main?.executeScript("PRAGMA main.locking_mode = NORMAL; SELECT count(*) FROM sqlite_master;");
    },
    async connectToShadowDb() {
      const shadow = await base.connectToShadowDb();
      // Quirk 2: the engine replays whole migration files on the shadow database through
      // executeRaw, which better-sqlite3 prepares as one statement ("contains more than one
      // statement"). A statement without parameters loses nothing by going through exec().
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    },
  };
}

/**
 * Quirk 3: the wasm engine's SQLite reset only deletes rows (it was written for D1, where the
 * database cannot be dropped), so re-applying migrations then fails on existing tables. A reset
 * must leave an empty database, as the native engine's does: drop every object.
 */
export async function resetSqliteDatabase(url) {
  const adapter = await new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}` }).connect();
  try {
    const { rows } = await adapter.queryRaw({
      sql: "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND type IN ('view', 'trigger', 'table')",
      args: [],
      argTypes: [],
    });
    // Views and triggers first: they may name the tables. Indexes go with their tables.
    const order = { view: 0, trigger: 1, table: 2 };
    const drops = rows
      .sort((a, b) => order[a[0]] - order[b[0]])
      .map(([type, name]) => `DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}";`);
    await adapter.executeScript(["PRAGMA foreign_keys = OFF;", ...drops, "PRAGMA foreign_keys = ON;"].join("\n"));
    await adapter.executeScript("VACUUM;");
  } finally {
    await adapter.dispose();
  }
}

/** For `cli can-connect-to-database`: natively a missing file is P1003, which makes the CLI create it. */
export async function checkSqliteDatabase(url) {
  const file = sqliteFilePath(url);
  if (!existsSync(file)) {
    throw new UserFacingError("P1003", `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`);
  }
}

/** For `cli create-database`: opening the file creates it; its folder we create ourselves. */
export async function createSqliteDatabase(url) {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const adapter = await new PrismaBetterSqlite3({ url: `file:${file}` }).connect();
  await adapter.dispose();
  return path.basename(file);
}

// Gives one test run a brand-new, empty database on the same kind of server as DATABASE_URL,
// so runs never see each other's rows (STYLE.md: "each e2e run starts from a fresh database").
//   unset / file:…        → file:./.data/test-<name>.db   (relative to the project root)
//   postgres(ql)://…/db   → postgres(ql)://…/svj_test_<name> on the same server
// The caller migrates and seeds it; drop() removes it afterwards. Shared by the test runner, the
// bench, the screenshots script and (through main.ts, its CLI) the e2e specs and Playwright config.
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import pg from "pg";

export interface FreshDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A name that is unique per run and safe as a PostgreSQL identifier and a file name. */
export function newRunId(): string {
  return `${Date.now().toString(36)}_${process.pid}`;
}

export async function createFreshDatabase({
  baseUrl = process.env.DATABASE_URL,
  name = newRunId(),
}: { baseUrl?: string; name?: string } = {}): Promise<FreshDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad run name "${name}" (use a-z, 0-9, _)`);
  const url = isPostgres(baseUrl) ? withDatabase(baseUrl, `svj_test_${name}`) : `file:./.data/test-${name}.db`;
  await dropDatabase(url, baseUrl); // a leftover from an interrupted run with the same name
  if (isPostgres(baseUrl)) {
    await withAdminClient(baseUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`));
  } else {
    mkdirSync(resolve(".data"), { recursive: true }); // SQLite creates the file, not its folder
  }
  return { url, drop: () => dropDatabase(url, baseUrl) };
}

/** Removes a database made by createFreshDatabase; absent is fine. */
export async function dropDatabase(url: string, baseUrl: string | undefined = process.env.DATABASE_URL): Promise<void> {
  if (!isPostgres(url)) {
    const file = sqliteFile(url);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    return;
  }
  const name = databaseName(url);
  if (!name.startsWith("svj_test_")) throw new Error(`refusing to drop "${name}"`);
  // FORCE (PostgreSQL ≥ 13) ends connections a killed server may have left behind.
  const adminUrl = isPostgres(baseUrl) ? baseUrl : withDatabase(url, "postgres");
  await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

function isPostgres(url: string | undefined): url is string {
  return /^postgres(ql)?:\/\//.test(url ?? "");
}

/** The same server, user and options, another database. */
function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function sqliteFile(url: string): string {
  const path = url.replace(/^file:/, "").split("?")[0] ?? "";
  if (!/(^|\/)test-[a-z0-9_]+\.db$/.test(path)) throw new Error(`refusing to delete "${path}"`);
  return resolve(path);
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// CREATE/DROP DATABASE cannot run inside the target database, so connect to the base one.
async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

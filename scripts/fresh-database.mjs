// Gives one test run a brand-new, empty database on the same kind of server as DATABASE_URL,
// so runs never see each other's rows (STYLE.md: "each e2e run starts from a fresh database").
//   unset / file:…        → file:./.data/test-<name>.db   (relative to the project root)
//   postgres(ql)://…/db   → postgres(ql)://…/svj_test_<name> on the same server
// The caller migrates and seeds it; drop() removes it afterwards.
//
// CLI (run from the project root; DATABASE_URL is the base):
//   node scripts/fresh-database.mjs [--name NAME]   creates one, prints its URL
//   node scripts/fresh-database.mjs --drop URL      removes one made here
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";

/** A name that is unique per run and safe as a PostgreSQL identifier and a file name. */
export function newRunId() {
  return `${Date.now().toString(36)}_${process.pid}`;
}

/**
 * @param {{ baseUrl?: string, name?: string }} [options]
 * @returns {Promise<{ url: string, drop: () => Promise<void> }>}
 */
export async function createFreshDatabase({ baseUrl = process.env.DATABASE_URL, name = newRunId() } = {}) {
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
export async function dropDatabase(url, baseUrl = process.env.DATABASE_URL) {
  if (!isPostgres(url)) {
    const file = sqliteFile(url);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    return;
  }
  const name = databaseName(url);
  if (!name.startsWith("svj_test_")) throw new Error(`refusing to drop "${name}"`);
  // FORCE (PostgreSQL ≥ 13) ends connections a killed server may have left behind.
  const adminUrl = isPostgres(baseUrl) ? baseUrl : withDatabase(url, "postgres");
  await withAdminClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

function isPostgres(url) {
  return /^postgres(ql)?:\/\//.test(url ?? "");
}

/** The same server, user and options, another database. */
function withDatabase(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function sqliteFile(url) {
  const path = url.replace(/^file:/, "").split("?")[0];
  if (!/(^|\/)test-[a-z0-9_]+\.db$/.test(path)) throw new Error(`refusing to delete "${path}"`);
  return resolve(path);
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

// CREATE/DROP DATABASE cannot run inside the target database, so connect to the base one.
async function withAdminClient(adminUrl, work) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function main(args) {
  const dropIndex = args.indexOf("--drop");
  if (dropIndex >= 0) return dropDatabase(args[dropIndex + 1]);
  const nameIndex = args.indexOf("--name");
  const { url } = await createFreshDatabase(nameIndex >= 0 ? { name: args[nameIndex + 1] } : {});
  console.log(url);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(`fresh-database: ${error.message}`);
    process.exit(1);
  });
}

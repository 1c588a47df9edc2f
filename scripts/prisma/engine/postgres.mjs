// PostgreSQL through @prisma/adapter-pg, with what the wasm engine needs beyond it.
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const CHAR_OID = 18; // PostgreSQL's internal one-byte `"char"` (pg_class.relkind, pg_constraint.contype, ...)
const TEXT_OID = 25;

/**
 * Quirk 4: the schema describer reads catalog columns of type `"char"`, which adapter-pg refuses
 * to map ("UnsupportedNativeDataType"). pg already parses them as strings, so we only relabel the
 * column type as text once the rows are parsed. A Client subclass covers pool queries and
 * transactions alike.
 */
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof config?.submit === "function") return super.query(config, values, callback);
    if (typeof values === "function") [callback, values] = [values, undefined];
    if (typeof callback === "function") {
      return super.query(config, values, (error, result) => callback(error, error ? result : relabelChar(result)));
    }
    return super.query(config, values).then(relabelChar);
  }
}

function relabelChar(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

async function connectAdapter(url, { readOnly = false } = {}) {
  const options = readOnly ? "-c default_transaction_read_only=on" : undefined;
  const pool = new pg.Pool({ connectionString: url, Client: CharAsTextClient, options });
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  // adapter-pg runs a script by splitting it on every ";", which breaks a migration with a ";"
  // inside a string literal or a function body. Sent whole, PostgreSQL runs it in one implicit
  // transaction, as the native engine does.
  adapter.executeScript = async (script) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  return adapter;
}

/** `url` with its database name replaced (a `connectionString`'s database wins over `database`). */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database a URL names (PostgreSQL's default is the user's name). */
export function databaseName(url) {
  const parsed = new URL(url);
  return decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || "postgres";
}

export const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

/** Runs `work` on a single short-lived connection to `url`. */
export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The adapter factory the engine runs on. `readOnly` makes every session read-only (see data-loss.mjs). */
export function createPostgresFactory(url, { readOnly = false } = {}) {
  const { provider, adapterName } = new PrismaPg(url);
  return {
    provider,
    adapterName,
    connect: () => connectAdapter(url, { readOnly }),
    /**
     * Quirk 5: adapter-pg's own shadow database keeps the `connectionString`, whose database
     * wins over the `database` it sets, so the "shadow" would be the main database (and be reset).
     * Its cleanup also drops the database before closing the pool that is still connected to it.
     * Here: a fresh database named in the URL itself, dropped after its pool is closed.
     */
    async connectToShadowDb() {
      // Named after the main database, so that a leftover one says whose it was (63 bytes at most).
      const shadowName = `${databaseName(url).slice(0, 32)}_shadow_${randomBytes(6).toString("hex")}`;
      await withClient(url, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(shadowName)}`));
      const adapter = await connectAdapter(withDatabase(url, shadowName));
      const closePool = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await closePool();
        await withClient(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(shadowName)}`));
      };
      return adapter;
    },
  };
}

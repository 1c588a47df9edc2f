import "server-only";

import pg from "pg";
import { databaseProvider, databaseUrl } from "./env.ts";
import { getDb, poolOf, reportQuery, sqliteConnectionOf } from "./db.ts";
import type { SqliteConnection, SqliteStatement } from "./db-sqlite-connection.ts";

/**
 * The check's hot reads (session row + user, the JWT revocation statement; and the JWT
 * dashboard's profile read, lib/users.ts) as prepared statements on the driver the Prisma
 * adapter itself uses: a `pg` named statement on the very pool PrismaPg queries through, or a
 * better-sqlite3 statement prepared on the very Database PrismaBetterSqlite3 opened
 * (lib/db-sqlite-connection.ts). Prisma's `$queryRaw` costs many times the query around it
 * (SQLite ≈ 170 µs around ≈ 13 µs; PostgreSQL milliseconds around a fraction of one:
 * docs/PERFORMANCE.md); this keeps what it gave: one statement per check, counted by the same
 * listeners (/compare's queries per request), the same errors (503 on an outage: db-errors.ts
 * knows node-postgres' own and better-sqlite3's SQLITE_* codes), and the outage lab's per-request
 * database, a client without a pool or connection of ours, which goes through Prisma as before.
 */

export interface PreparedStatement {
  /** Its name on each connection: PostgreSQL parses and plans it once per connection. */
  name: string;
  /** Positional parameters `$1…$n`, each used once, in order (SQLite gets `?` for each). */
  text: string;
}

export type PreparedParam = string | Date;

/** PostgreSQL's `timestamp` (OID 1114) as Prisma's adapter returns it: UTC, with an offset. */
const TIMESTAMP_OID = 1114;

/** A `timestamp` column's text (UTC wall time, no zone) as an instant; never the process's zone. */
export function fromPgTimestamp(value: string): string {
  return `${value.replace(" ", "T")}+00:00`;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text") =>
    oid === TIMESTAMP_OID ? fromPgTimestamp : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

export async function queryPrepared<Row>(statement: PreparedStatement, params: readonly PreparedParam[]): Promise<Row[]> {
  const db = getDb();
  const pool = poolOf(db);
  if (!pool) {
    const connection = sqliteConnectionOf(db);
    // Before Prisma's first query (it connects lazily) and after a $disconnect: Prisma's path.
    if (connection?.open) return querySqlitePrepared<Row>(connection, statement, params);
    return db.$queryRawUnsafe<Row[]>(rawText(statement), ...params);
  }
  const startedAt = performance.now();
  const values = params.map(toPgParam);
  const result = await pool.query<Row & pg.QueryResultRow>({ name: statement.name, text: statement.text, values, types });
  reportQuery({ duration: performance.now() - startedAt, query: statement.text, params: JSON.stringify(values) });
  return result.rows;
}

function rawText(statement: PreparedStatement): string {
  return databaseProvider(databaseUrl()) === "postgresql" ? statement.text : toSqliteText(statement.text);
}

/** `$1…$n` (each once, in order) as SQLite's anonymous `?` (to SQLite, `$1` would be a name). */
export function toSqliteText(text: string): string {
  return text.replace(/\$\d+/g, "?");
}

const sqliteStatements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

/**
 * Prepared once per connection (SQLite parses and plans it then), run with the connection's own
 * settings: the adapter's `defaultSafeIntegers` hands integers back as bigint, as it does to
 * Prisma, and the callers take `number | bigint`; dates come back as the stored text.
 *
 * Synchronous, like every call the adapter itself makes to better-sqlite3: the event loop waits
 * while SQLite reads, which for these two indexed point lookups on a local file is microseconds
 * (≈ 20 µs, docs/PERFORMANCE.md), less than the promise bookkeeping around Prisma's call. The one
 * long wait would be a lock held by another process on the file (the busy timeout, 5 s), which
 * blocks Prisma's path exactly the same way, since it is the same connection.
 */
export async function querySqlitePrepared<Row>(connection: SqliteConnection, statement: PreparedStatement, params: readonly PreparedParam[]): Promise<Row[]> {
  let byName = sqliteStatements.get(connection);
  if (!byName) sqliteStatements.set(connection, (byName = new Map()));
  let prepared = byName.get(statement.name);
  if (!prepared) byName.set(statement.name, (prepared = connection.prepare(toSqliteText(statement.text))));
  const startedAt = performance.now();
  const values = params.map(toSqliteParam);
  const rows = prepared.all(...values);
  reportQuery({ duration: performance.now() - startedAt, query: statement.text, params: JSON.stringify(values) });
  return rows as Row[];
}

/**
 * A Date as PrismaBetterSqlite3 binds it and so stores it (its default `timestampFormat`,
 * "iso8601"): ISO 8601 in UTC with `+00:00`. The statements compare such columns as text.
 */
export function toSqliteParam(param: PreparedParam): string {
  return param instanceof Date ? param.toISOString().replace("Z", "+00:00") : param;
}

/** A Date as a `timestamp` column holds it: UTC wall time, as PrismaPg binds it. */
export function toPgParam(param: PreparedParam): string {
  return param instanceof Date ? param.toISOString().replace("T", " ").replace("Z", "") : param;
}

import "server-only";

import pg from "pg";
import { databaseProvider, databaseUrl } from "./env.ts";
import { getDb, poolOf, reportQuery } from "./db.ts";

/**
 * The check's hot reads (session row + user, the JWT revocation statement) as prepared
 * statements on the driver the Prisma adapter itself uses: a `pg` named statement on the very
 * pool PrismaPg queries through. Prisma's `$queryRaw` costs milliseconds around a sub-millisecond
 * query (docs/PERFORMANCE.md); this keeps what it gave: one statement per check, counted by the
 * same listeners (/compare's queries per request), the same errors (503 on an outage: db-errors.ts
 * knows node-postgres' own), and the outage lab's per-request database, a client without a pool
 * of ours, which goes through Prisma as before. SQLite goes through Prisma's raw path.
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
  if (!pool) return db.$queryRawUnsafe<Row[]>(rawText(statement), ...params);
  const startedAt = performance.now();
  const result = await pool.query<Row & pg.QueryResultRow>({ name: statement.name, text: statement.text, values: params.map(toPgParam), types });
  reportQuery(performance.now() - startedAt);
  return result.rows;
}

function rawText(statement: PreparedStatement): string {
  return databaseProvider(databaseUrl()) === "postgresql" ? statement.text : statement.text.replace(/\$\d+/g, "?");
}

/** A Date as a `timestamp` column holds it: UTC wall time, as PrismaPg binds it. */
export function toPgParam(param: PreparedParam): string {
  return param instanceof Date ? param.toISOString().replace("T", " ").replace("Z", "") : param;
}

import "server-only";

import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

/**
 * The better-sqlite3 Database the Prisma adapter opens, handed to whoever asks (lib/db.ts, for
 * lib/db-prepared.ts), so the hot reads run as prepared statements on that very connection: the
 * same file, pragmas and busy timeout, and, one connection per process as the adapter has it,
 * the same view of an open transaction as Prisma's own queries get. A second Database of ours
 * would be a second connection with its own settings to keep in step, and better-sqlite3 a
 * dependency of ours at the adapter's version.
 *
 * Only the little of better-sqlite3 that the prepared path uses is named here (it stays the
 * adapter's dependency, so its types are not ours to import).
 */

export interface SqliteStatement {
  all(...params: unknown[]): unknown[];
}

export interface SqliteConnection {
  /** False once the adapter disposed of it ($disconnect): Prisma connects again, we follow. */
  readonly open: boolean;
  prepare(sql: string): SqliteStatement;
}

type AdapterConfig = ConstructorParameters<typeof PrismaBetterSqlite3>[0];

function isSqliteConnection(value: unknown): value is SqliteConnection {
  const candidate = value as { open?: unknown; prepare?: unknown } | null;
  return typeof candidate?.open === "boolean" && typeof candidate.prepare === "function";
}

/**
 * Prisma's factory, unchanged, telling `onConnect` about each Database it opens. The adapter
 * keeps its Database as `client` (@prisma/adapter-better-sqlite3 7.x; not in its types): should
 * a later version move it, nothing is reported and the reads go through Prisma as before
 * (slower, never wrong); lib/db-sqlite-connection.test.ts fails first.
 */
export class ObservedSqliteAdapter extends PrismaBetterSqlite3 {
  readonly #onConnect: (connection: SqliteConnection) => void;

  constructor(config: AdapterConfig, onConnect: (connection: SqliteConnection) => void) {
    super(config);
    this.#onConnect = onConnect;
  }

  override async connect(): ReturnType<PrismaBetterSqlite3["connect"]> {
    const adapter = await super.connect();
    const connection: unknown = (adapter as unknown as { client?: unknown }).client;
    if (isSqliteConnection(connection)) this.#onConnect(connection);
    return adapter;
  }
}

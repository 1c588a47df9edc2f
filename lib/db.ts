import "server-only";

import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { databaseProvider, databaseUrl } from "./env.ts";

/**
 * One Prisma client per process, chosen from DATABASE_URL at run time, so the same build
 * serves SQLite (embedded default) or PostgreSQL. Both clients come from the same models,
 * so their APIs match; we type them as the SQLite one.
 */
export type Db = SqliteClient;

type QueryListener = (event: { duration: number }) => void;
// On globalThis, like the client whose events they hear: pages and route handlers can be
// separate bundles, each with its own copy of this module, and a per-copy set would only
// hear the client when that copy happened to create it.
const globalForListeners = globalThis as typeof globalThis & { __svjQueryListeners?: Set<QueryListener> };
const queryListeners = (globalForListeners.__svjQueryListeners ??= new Set<QueryListener>());

/** Lets the measurement core count queries as Prisma reports them, not as we guess them. */
export function onDatabaseQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

function createClient(url: string): Db {
  const log: [{ level: "query"; emit: "event" }] = [{ level: "query", emit: "event" }];
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    return new PostgresClient({ adapter, log }) as unknown as Db;
  }
  const filename = url.replace(/^file:/, "");
  const adapter = new PrismaBetterSqlite3({ url: filename, timeout: 5000 });
  return new SqliteClient({ adapter, log }) as unknown as Db;
}

const globalForDb = globalThis as typeof globalThis & { __svjDb?: Db };

export function getDb(): Db {
  if (!globalForDb.__svjDb) {
    const client = createClient(databaseUrl());
    (client as unknown as SqliteClient<"query">).$on("query", (event) => {
      for (const listener of queryListeners) listener(event);
    });
    globalForDb.__svjDb = client;
  }
  return globalForDb.__svjDb;
}

/**
 * A client of the same kind as the real one whose driver can never connect: PostgreSQL on
 * port 1 (nothing listens, refused at once), or a SQLite file in a directory that does not
 * exist, opened read-only and must-exist so nothing is ever created.
 */
function createUnreachableClient(): Db {
  if (databaseProvider(databaseUrl()) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: "postgresql://svj-outage@127.0.0.1:1/unreachable", max: 1, connectionTimeoutMillis: 1000 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const missing = join(tmpdir(), `svj-outage-${randomUUID()}`, "unreachable.db");
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: missing, readonly: true, fileMustExist: true }) }) as unknown as Db;
}

/**
 * The database-outage lab's seam (lib/labs/outage-window.ts bounds, serialises and always
 * undoes it): every getDb() in this process gets an unreachable client until the returned
 * function puts the real one back. Idempotent, so a timer and a finally may both call it.
 */
export function makeDatabaseUnreachable(): () => Promise<void> {
  const real = globalForDb.__svjDb;
  const broken = createUnreachableClient();
  globalForDb.__svjDb = broken;
  let restored = false;
  return async () => {
    if (restored) return;
    restored = true;
    globalForDb.__svjDb = real;
    await broken.$disconnect().catch(() => undefined);
  };
}

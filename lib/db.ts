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
const queryListeners = new Set<QueryListener>();

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

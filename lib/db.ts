import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { databaseProvider, databaseUrl } from "./env.ts";
import { ObservedSqliteAdapter, type SqliteConnection } from "./db-sqlite-connection.ts";
import { processLocal } from "./state/process-local.ts";

/**
 * One Prisma client per process, chosen from DATABASE_URL at run time, so the same build
 * serves SQLite (embedded default) or PostgreSQL. Both clients come from the same models,
 * so their APIs match; we type them as the SQLite one.
 */
export type Db = SqliteClient;

/**
 * One statement, as Prisma's query event reports it (`params`: a JSON array): the metrics count
 * and time them; bench:capacity replays their text in pgbench, so both paths report it.
 */
export interface QueryEvent {
  duration: number;
  query: string;
  params: string;
}

type QueryListener = (event: QueryEvent) => void;
// Per process, like the client whose events they hear: pages and route handlers can be
// separate bundles, each with its own copy of this module, and a per-copy set would only
// hear the client when that copy happened to create it.
const queryListeners = processLocal("db:query-listeners", () => new Set<QueryListener>());

/** Lets the measurement core count queries as Prisma reports them, not as we guess them. */
export function onDatabaseQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

const POOL_SIZE = 10;
/** A new connection to a server that says nothing: an outage, reported in seconds. */
const CONNECT_TIMEOUT_MS = 5000;
/**
 * Waiting for one of the pool's connections during a burst: load, not an outage, so it may take
 * longer; bounded like a query, so nothing waits for ever.
 */
const POOL_WAIT_MS = 15_000;
const QUERY_TIMEOUT_MS = 15_000;

/**
 * node-postgres bounds a pool checkout and a new connection with the one setting the pool is
 * given (connectionTimeoutMillis); each connection gets its own, shorter bound here. With one
 * 5 s bound for both, 400 parallel refreshes queued behind ten connections on a loaded machine
 * failed as "database unavailable" while the database was fine.
 */
class ConnectBoundedClient extends pg.Client {
  constructor(config?: pg.ClientConfig) {
    super({ ...config, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  }
}

/**
 * The pg pool under each PostgreSQL client we make, so lib/db-prepared.ts can run the hot reads
 * as named statements on the same connections. Per process, like the clients themselves.
 */
const pools = processLocal("db:pools", () => new WeakMap<Db, pg.Pool>());

export function poolOf(db: Db): pg.Pool | undefined {
  return pools.get(db);
}

/**
 * The better-sqlite3 Database under each SQLite client we make, once Prisma has connected it,
 * so lib/db-prepared.ts can prepare the hot reads on that connection. Per process, as above.
 */
const sqliteConnections = processLocal("db:sqlite-connections", () => new WeakMap<Db, SqliteConnection>());

export function sqliteConnectionOf(db: Db): SqliteConnection | undefined {
  return sqliteConnections.get(db);
}

/** Queries made beside Prisma (db-prepared.ts) are reported to the same listeners. */
export function reportQuery(event: QueryEvent): void {
  for (const listener of queryListeners) listener(event);
}

/** A client of its own for `url`; the app uses getDb()'s one (tests point one at a dead port). */
export function createClient(url: string): Db {
  const log: [{ level: "query"; emit: "event" }] = [{ level: "query", emit: "event" }];
  if (databaseProvider(url) === "postgresql") {
    // Timeouts, so a database that accepts connections and then says nothing (a partition, a
    // frozen server) fails a request in seconds (503) instead of holding it open for minutes.
    const pool = new pg.Pool({
      connectionString: url,
      max: POOL_SIZE,
      connectionTimeoutMillis: POOL_WAIT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      Client: ConnectBoundedClient,
    });
    const client = new PostgresClient({ adapter: new PrismaPg(pool), log }) as unknown as Db;
    pools.set(client, pool);
    return client;
  }
  const filename = url.replace(/^file:/, "");
  const adapter = new ObservedSqliteAdapter({ url: filename, timeout: 5000 }, (connection) => sqliteConnections.set(client, connection));
  // Prisma connects lazily, at the first query: `client` is assigned by then.
  const client = new SqliteClient({ adapter, log }) as unknown as Db;
  return client;
}

/** The process's one client (per process: a pool per bundle would multiply connections). */
function processClient(): Db {
  return processLocal("db:client", () => {
    const client = createClient(databaseUrl());
    (client as unknown as SqliteClient<"query">).$on("query", ({ duration, query, params }) => reportQuery({ duration, query, params }));
    return client;
  });
}

// A client for one async context (one request) only: what a request-scoped hook may swap in.
const requestClient = processLocal("db:request-override", () => new AsyncLocalStorage<Db>());

export function getDb(): Db {
  return requestClient.getStore() ?? processClient();
}

/** True inside runWithDatabase: this request does not see the process's database (caches keep out). */
export function usesRequestDatabase(): boolean {
  return requestClient.getStore() !== undefined;
}

/**
 * Runs `work` with `client` as getDb() inside it and nowhere else: every other request in
 * the process keeps the real client. Whoever enters it (the outage lab, through a hook
 * registered in lib/core-hooks.ts, for its own marked requests) can never take the database
 * away from anyone else.
 */
export function runWithDatabase<T>(client: Db, work: () => Promise<T>): Promise<T> {
  return requestClient.run(client, work);
}

/**
 * A client of the same kind as the real one whose driver can never connect: PostgreSQL on
 * port 1 (nothing listens, refused at once), or a SQLite file in a directory that does not
 * exist, opened read-only and must-exist so nothing is ever created.
 */
export function createUnreachableClient(): Db {
  if (databaseProvider(databaseUrl()) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: "postgresql://svj-outage@127.0.0.1:1/unreachable", max: 1, connectionTimeoutMillis: 1000 });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  const missing = join(tmpdir(), `svj-outage-${randomUUID()}`, "unreachable.db");
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: missing, readonly: true, fileMustExist: true }) }) as unknown as Db;
}

// The peer's SQLite database, opened once per process, with every prepared statement counted:
// Kysely (Better Auth's SQLite path) and users.js (the Auth.js app's user lookup) prepare one
// statement per query, so the count is the number of queries. The bench reads it through
// /api/bench/queries before and after a probe. Shared by every peer app (copied in with it).
import Database from "better-sqlite3";

const COUNTER = Symbol.for("bench-peer.queries");

export function openCountedDatabase(file) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const prepare = db.prepare.bind(db);
  globalThis[COUNTER] ??= { count: 0 };
  db.prepare = (sql) => {
    globalThis[COUNTER].count += 1;
    return prepare(sql);
  };
  return db;
}

export function queriesSoFar() {
  return globalThis[COUNTER]?.count ?? 0;
}

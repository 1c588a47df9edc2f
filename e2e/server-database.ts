import type { Db } from "../lib/db.ts";

/**
 * The e2e server's own database (playwright.config.ts made it) as lib/db.ts's client. That
 * module builds its one client per process from DATABASE_URL at the first getDb() and keeps it,
 * so every worker-side use goes through here: anything that asked first with another
 * DATABASE_URL (CI runs the PostgreSQL suite with the server's base database in it) would pin
 * this worker to a database the app never sees — users made there cannot log in.
 */
export async function serverDatabase(): Promise<Db> {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run through playwright.config.ts or `npm run test:e2e`");
  process.env.DATABASE_URL = url;
  const { getDb } = await import("../lib/db.ts");
  return getDb();
}

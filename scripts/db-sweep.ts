// `npm run db:sweep`: deletes the rows that ended more than an hour ago (sessions, refresh
// families with their tokens, denylist entries) once, now, as the background sweeper does every
// SWEEP_INTERVAL_SECONDS. Takes the same lease, so it never runs beside another instance's sweep.
import { existsSync } from "node:fs";

// Like `npm start`: the generated local secrets, unless the real environment sets them.
if (existsSync(".env.local")) process.loadEnvFile(".env.local");

const { getDb } = await import("../lib/db.ts");
const { closeSharedStateForTests } = await import("../lib/state/index.ts");
const { sweepExpiredRows } = await import("../lib/sweep/expired-rows.ts");

try {
  const outcome = await sweepExpiredRows();
  if (outcome.swept) {
    const counts = Object.entries(outcome.deleted).map(([table, count]) => `${table} ${count}`).join(", ");
    console.log(`db:sweep: deleted ${counts} (ended before ${outcome.before.toISOString()}) in ${outcome.ms} ms.`);
  } else {
    console.log(`db:sweep: nothing done (${outcome.reason === "lease_held" ? "another sweep holds the lease; try again in a few minutes" : "the shared state (REDIS_URL) cannot be reached"}).`);
    process.exitCode = 1;
  }
} finally {
  await closeSharedStateForTests();
  await getDb().$disconnect();
}

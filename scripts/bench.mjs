// `npm run bench`: what one authoritative auth check costs in each mode, on a fresh database,
// cold (a credential seen for the first time) and warm (the same one again), apart.
//   node scripts/bench.mjs [--iterations N]
// DATABASE_URL picks the kind of database (unset: SQLite). Each configuration runs in its own
// process. Numbers are for comparing modes on one machine, not targets; tests never time.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createFreshDatabase } from "./fresh-database.mjs";

const { values } = parseArgs({ options: { iterations: { type: "string", default: "3000" } } });
const iterations = String(Math.max(100, Math.min(100_000, Number(values.iterations) || 3000)));

const database = await createFreshDatabase({ name: `bench_${Date.now().toString(36)}` });
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  // bench-verify logs in as the seeded bob; a fresh database is not the SQLite default.
  DEMO_USERS: "true",
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  JWT_SECRET: randomBytes(32).toString("base64url"),
  JWT_KEY_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"),
  SESSION_TOUCH_INTERVAL_SECONDS: "60",
};

const configurations = [
  { mode: "session" },
  { mode: "jwt", check: "none" },
  { mode: "jwt", check: "denylist" },
];

try {
  for (const command of [["prisma", "migrate", "deploy"], ["prisma", "db", "seed"]]) {
    execFileSync("npx", command, { env, stdio: "ignore" });
  }
  const rows = configurations.map(({ mode, check }) => {
    const output = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/bench-verify.ts", mode, iterations], {
      env: { ...env, ...(check ? { JWT_REVOCATION_CHECK: check } : {}) },
      encoding: "utf8",
    });
    return JSON.parse(output.trim().split("\n").at(-1));
  });
  printTable(rows);
} finally {
  await database.drop();
}

function printTable(rows) {
  const kind = /^postgres/.test(database.url) ? "PostgreSQL" : "SQLite";
  console.log(`\nAuthoritative auth check, ${iterations} checks each way, ${kind}, one process (µs):\n`);
  console.log("mode     check          cold p50  cold p95  warm p50  warm p95  queries cold / warm");
  const us = (value) => Math.round(value).toString().padStart(8);
  for (const row of rows) {
    const queries = `${row.cold.queriesPerCheck.toFixed(2)} / ${row.warm.queriesPerCheck.toFixed(2)}`;
    console.log(`${row.mode.padEnd(8)} ${row.check.padEnd(13)} ${us(row.cold.p50)}  ${us(row.cold.p95)}  ${us(row.warm.p50)}  ${us(row.warm.p95)}  ${queries.padStart(19)}`);
  }
  console.log("\ncold: a fresh credential for every check (a login each, issued before timing): the session's unseal and");
  console.log("      the JWT's signature check run every time, nothing is remembered for that credential yet.");
  console.log("warm: one credential checked again and again, as a returning user's requests are: whatever the strategies");
  console.log("      remember per credential (unsealed id, verified claims) answers; \"queries\" shows what still reads the database.");
  console.log("Session mode: one joined query; lastSeenAt written at most once a minute (one request a minute pays a write).");
  console.log("JWT mode: exp re-checked against the clock, plus the revocation lookup JWT_REVOCATION_CHECK asks for.");
}

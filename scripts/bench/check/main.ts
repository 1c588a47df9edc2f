// `npm run bench`: what one authoritative auth check costs in each mode, on a fresh database,
// cold (a credential seen for the first time) and warm (the same one again), apart.
//   tsx scripts/bench/check/main.ts [--iterations N]
// DATABASE_URL picks the kind of database (unset: SQLite). Each configuration runs in its own
// process. Numbers are for comparing modes on one machine, not targets; tests never time.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { createFreshDatabase } from "../../fresh-database/fresh-database.ts";
import type { CheckPhase, CheckReport } from "./verify.ts";

const { values } = parseArgs({ options: { iterations: { type: "string", default: "3000" } } });
const iterations = String(Math.max(100, Math.min(100_000, Number(values.iterations) || 3000)));

const database = await createFreshDatabase({ name: `bench_${Date.now().toString(36)}` });
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  // verify.ts logs in as the seeded bob; a fresh database is not the SQLite default.
  DEMO_USERS: "true",
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  JWT_SECRET: randomBytes(32).toString("base64url"),
  JWT_KEY_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"),
  SESSION_TOUCH_INTERVAL_SECONDS: "60",
};

const configurations: { mode: string; check?: string }[] = [
  { mode: "session" },
  { mode: "jwt", check: "none" },
  { mode: "jwt", check: "denylist" },
];

try {
  for (const command of [["prisma", "migrate", "deploy"], ["prisma", "db", "seed"]]) {
    execFileSync("npx", command, { env, stdio: "ignore" });
  }
  const rows = configurations.map(({ mode, check }) => {
    const output = execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/bench/check/verify.ts", mode, iterations], {
      env: { ...env, ...(check ? { JWT_REVOCATION_CHECK: check } : {}) },
      encoding: "utf8",
    });
    return JSON.parse(output.trim().split("\n").at(-1) ?? "null") as CheckReport;
  });
  printTable(rows);
} finally {
  await database.drop();
}

function printTable(rows: CheckReport[]): void {
  const kind = /^postgres/.test(database.url) ? "PostgreSQL" : "SQLite";
  console.log(`\nAuthoritative auth check, ${iterations} checks each way, ${kind}, one process; latency in whole µs:\n`);
  const heads = `${"p50".padStart(7)} ${"p95".padStart(7)}  ${"queries".padStart(7)}  ${"from cache".padStart(10)}`;
  console.log(`${"".padEnd(23)}${"COLD: a fresh credential each check".padEnd(40)}WARM: the same credential again`);
  console.log(`${"mode".padEnd(8)} ${"check".padEnd(13)}${heads}     ${heads}`);
  const us = (value: number) => Math.round(value).toString().padStart(7);
  const phase = ({ p50, p95, queriesPerCheck, fromCache }: CheckPhase) =>
    `${us(p50)} ${us(p95)}  ${queriesPerCheck.toFixed(2).padStart(7)}  ${`${fromCache}/${iterations}`.padStart(10)}`;
  for (const row of rows) {
    console.log(`${row.mode.padEnd(8)} ${row.check.padEnd(13)}${phase(row.cold)}     ${phase(row.warm)}`);
  }
  console.log("\nCOLD: a fresh credential for every check (a login each, issued before timing): the session's unseal and");
  console.log("      the JWT's signature check run every time, nothing is remembered for that credential yet.");
  console.log("WARM: one credential checked again and again, as a returning user's requests are: whatever the strategies");
  console.log("      remember per credential (unsealed id, verified claims) answers.");
  console.log("queries: database queries per check; from cache: checks the strategy answered from a cache, without the");
  console.log("      database (VerifyResult.servedFromCache) — /compare charts those as warm, every other check as cold.");
  console.log("      COLD/WARM above is about the credential (new or returning); a warm credential is not always served from a cache.");
  console.log("Session mode: one joined query; lastSeenAt written at most once a minute (one request a minute pays a write).");
  console.log("JWT mode: exp re-checked against the clock, plus the revocation lookup JWT_REVOCATION_CHECK asks for.");
}

// `npm run bench`: what one authoritative auth check costs in each mode, on a fresh database.
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
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  JWT_SECRET: randomBytes(32).toString("base64url"),
  JWT_KEY_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"),
  SESSION_TOUCH_INTERVAL_SECONDS: "60",
};

const configurations = [
  { mode: "session" },
  { mode: "jwt", check: "none" },
  { mode: "jwt", check: "denylist" },
  { mode: "jwt", check: "strict" },
];

try {
  for (const command of [["prisma", "migrate", "deploy"], ["prisma", "db", "seed"]]) {
    execFileSync("npx", command, { env, stdio: "ignore" });
  }
  const rows = configurations.map(({ mode, check }) => {
    const output = execFileSync("npx", ["tsx", "scripts/bench-verify.ts", mode, iterations], {
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
  console.log(`\nAuthoritative auth check, ${iterations} iterations each, ${kind}, one process, warm:\n`);
  console.log("mode     check          p50 µs    p95 µs   queries/check");
  for (const row of rows) {
    console.log(
      `${row.mode.padEnd(8)} ${row.check.padEnd(13)} ${row.p50.toFixed(0).padStart(7)} ${row.p95.toFixed(0).padStart(9)} ${row.queriesPerCheck.toFixed(2).padStart(15)}`,
    );
  }
  console.log("\nThe same credential each time, as on a real page (proxy + DAL): the unsealed id and the verified");
  console.log("claims are remembered per credential in both modes, so this is the warm cost a returning user pays.");
  console.log("Session mode: one joined query; lastSeenAt written at most once a minute (one request a minute pays a write).");
  console.log("JWT mode: exp re-checked against the clock, plus the revocation lookup JWT_REVOCATION_CHECK asks for.");
}

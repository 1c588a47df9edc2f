// `npm run bench:profile`: where the CPU time of one request goes, per kind of check. Each
// target gets a production server of its own under `node --cpu-prof`, a warm-up, then wrk for
// --seconds; the server is stopped at once and its profile's last --seconds are split by who
// spent the time (categorize.ts). Explains bench:http's ratios; see
// docs/PERFORMANCE.md.
//   tsx scripts/bench/profile/main.ts [--seconds 10] [--connections 16] [--port 3890]
// DATABASE_URL picks the database kind, as for bench:http (unset: SQLite). Needs wrk and a build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { logIn } from "../http/accounts.ts";
import { describeMachine } from "../http/machine.ts";
import { PERFORMANCE_PAGE } from "../http/output.ts";
import { machineLine } from "../http/report.ts";
import { waitUntilHealthy } from "../http/servers.ts";
import { BOB, prepareDatabase } from "../http/setup.ts";
import { authHeaders, type AuthKind } from "../http/targets.ts";
import { parseWrkOutput, wrkArgs } from "../http/wrk.ts";
import { markdownTable, perRequest, selfTimeByCategory, type CpuProfile } from "./categorize.ts";
import { createFreshDatabase } from "../../fresh-database/fresh-database.ts";

interface ProfileTarget {
  key: string;
  label: string;
  path: string;
  auth: AuthKind;
  env: Record<string, string>;
}

type ProfileOptions = { seconds: number; connections: number; port: number };

const TARGETS: ProfileTarget[] = [
  // The framework alone (no envelope, host check or metrics), then our route without auth: the gap is ours.
  { key: "floor", label: "bare route handler (floor)", path: "/api/bench/floor", auth: "none", env: {} },
  // The floor with a JWT cookie sent: what Next itself spends on a request that carries a cookie
  // (issue 20 item 3: the cookie path's extra cost, ours or the framework's?).
  { key: "floor-cookie", label: "floor, a JWT cookie sent", path: "/api/bench/floor", auth: "jwt-cookie", env: {} },
  { key: "baseline", label: "our route, no auth", path: "/api/bench/baseline", auth: "none", env: {} },
  { key: "jwt-bearer-none", label: "JWT Bearer, none", path: "/api/jwt/me", auth: "jwt-bearer", env: { JWT_REVOCATION_CHECK: "none" } },
  { key: "jwt-cookie-none", label: "JWT cookie, none", path: "/api/jwt/me", auth: "jwt-cookie", env: { JWT_REVOCATION_CHECK: "none" } },
  { key: "jwt-bearer-denylist-off", label: "JWT Bearer, denylist, cache off", path: "/api/jwt/me", auth: "jwt-bearer", env: { JWT_REVOCATION_CHECK: "denylist", SESSION_CACHE: "off" } },
  { key: "jwt-bearer-denylist-push", label: "JWT Bearer, denylist, push", path: "/api/jwt/me", auth: "jwt-bearer", env: { JWT_REVOCATION_CHECK: "denylist", SESSION_CACHE: "push" } },
  { key: "session-off", label: "session, cache off", path: "/api/session/me", auth: "session-cookie", env: { SESSION_CACHE: "off" } },
  { key: "session-push", label: "session, push", path: "/api/session/me", auth: "session-cookie", env: { SESSION_CACHE: "push" } },
];
const README_START = "<!-- bench:profile:start -->";
const README_END = "<!-- bench:profile:end -->";

const options = parseOptions(process.argv.slice(2));
if ((spawnSync("wrk", ["-v"]).error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") fail("wrk is not installed; install it with: apt-get install -y wrk");
if (!existsSync(join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) fail("no production build: run `npx next build` first");

const database = await createFreshDatabase({ name: `bench_profile_${Date.now().toString(36)}` });
const workDir = mkdtempSync(join(tmpdir(), "svj-bench-profile-"));
let running: ChildProcess | null = null;
try {
  await run();
} catch (error) {
  console.error(`bench:profile: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  // A cast: TypeScript does not see run() assign it, and narrows it to null here.
  const left = running as ChildProcess | null;
  if (left && left.exitCode === null) left.kill("SIGKILL");
  await database.drop().catch((error) => console.error(`bench:profile: could not drop ${database.url}: ${error.message}`));
}

async function run() {
  const machine = describeMachine({ databaseUrl: database.url });
  const env = {
    ...process.env, NODE_ENV: "production" as const, DATABASE_URL: database.url, DEMO_USERS: "true",
    SESSION_SECRET: randomBytes(32).toString("base64url"), JWT_SECRET: randomBytes(32).toString("base64url"),
    JWT_KEY_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"), JWT_ACCESS_TTL_SECONDS: "86400",
  };
  prepareDatabase(env, 1); // one throwaway user: the helper wants at least one
  console.log(`bench:profile: ${machineLine(machine)}; wrk ${options.connections} connections, ${options.seconds} s per target; logs and profiles in ${workDir}`);
  const columns = [];
  for (const target of TARGETS) {
    const column = await profileTarget(target, env);
    console.log(`  ${target.label.padEnd(34)} ${column.requests} requests, ${Math.round(column.rps)} req/s`);
    columns.push(column);
  }
  const table = markdownTable(columns);
  console.log(`\n${table}`);
  const result = { kind: "bench:profile", finishedAt: new Date().toISOString(), machine, settings: options, columns };
  const name = `profile-${machine.database.toLowerCase()}`;
  mkdirSync("docs/bench", { recursive: true });
  writeFileSync(join("docs/bench", `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  const section = `Machine: ${machineLine(machine).replace(", one server process per configuration", "")}; one server per column under \`node --cpu-prof\`, wrk ${options.connections} connections for ${options.seconds} s, self time of the load window only; ${result.finishedAt.slice(0, 10)}.\n\n${table}`;
  const page = readFileSync(PERFORMANCE_PAGE, "utf8");
  const start = page.indexOf(README_START);
  const end = page.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`${PERFORMANCE_PAGE} markers ${README_START} … ${README_END} not found`);
  writeFileSync(PERFORMANCE_PAGE, `${page.slice(0, start + README_START.length)}\n${section}\n${page.slice(end)}`);
  console.log(`\nwrote docs/bench/${name}.json and the profile table in ${PERFORMANCE_PAGE}`);
}

async function profileTarget(target: ProfileTarget, env: NodeJS.ProcessEnv) {
  const profileDir = join(workDir, target.key);
  mkdirSync(profileDir);
  const log = join(workDir, `${target.key}.log`);
  const out = createWriteStream(log);
  // Next's own entry point, not npx: one process, so one profile, written when it exits.
  const child = spawn(process.execPath, ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "node_modules/next/dist/bin/next", "start", "-p", String(options.port)], {
    env: { ...env, ...target.env, PORT: String(options.port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running = child;
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const origin = `http://127.0.0.1:${options.port}`;
  await waitUntilHealthy({ name: target.key, origin, instances: [], log, child });
  const credentials = { jwt: await logIn(origin, "jwt", BOB.email, BOB.password), session: await logIn(origin, "session", BOB.email, BOB.password) };
  const headers = authHeaders(target.auth, credentials, target.path);
  const status = (await fetch(origin + target.path, { headers })).status;
  if (status !== 200) throw new Error(`${target.label}: ${target.path} answered ${status}, not 200: nothing to profile`);
  wrk({ url: origin + target.path, headers, seconds: 2 });
  const measured = wrk({ url: origin + target.path, headers, seconds: options.seconds });
  if (measured.non2xx > 0) throw new Error(`${target.label}: ${measured.non2xx} answers were not 2xx`);
  const loadEnded = performance.now();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
  // The profile ends when the process does: its shutdown is left out of the load's window.
  const tailMicros = (performance.now() - loadEnded) * 1000;
  const file = readdirSync(profileDir).filter((name) => name.endsWith(".cpuprofile")).map((name) => join(profileDir, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!file) throw new Error(`${target.label}: the server wrote no CPU profile (did it exit cleanly? see ${log})`);
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const totals = selfTimeByCategory(profile, measured.seconds * 1_000_000, tailMicros);
  return { key: target.key, label: target.label, requests: measured.requests, rps: measured.rps, perRequest: perRequest(totals, measured.requests) };
}

function wrk({ url, headers, seconds }: { url: string; headers: Record<string, string>; seconds: number }) {
  const args = wrkArgs({ url, headers, seconds, connections: options.connections, threads: 1 });
  const { stdout, status } = spawnSync("wrk", args, { encoding: "utf8" });
  if (status !== 0) throw new Error(`wrk failed (exit ${status})`);
  return parseWrkOutput(stdout);
}

function parseOptions(argv: string[]): ProfileOptions {
  const parsed: ProfileOptions = { seconds: 10, connections: 16, port: 3890 };
  const isOption = (name: string | undefined): name is keyof ProfileOptions => name !== undefined && Object.hasOwn(parsed, name);
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index]?.replace(/^--/, "");
    const value = Number(argv[index + 1]);
    if (!isOption(name) || !Number.isInteger(value) || value <= 0) fail(`bad option "${argv[index]} ${argv[index + 1] ?? ""}"; usage: npm run bench:profile -- [--seconds 10] [--connections 16] [--port 3890]`);
    parsed[name] = value;
  }
  return parsed;
}

function fail(message: string): never {
  console.error(`bench:profile: ${message}`);
  process.exit(2);
}

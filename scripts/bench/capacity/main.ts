// `npm run bench:capacity`: what the app's operations cost and what this machine's PostgreSQL
// and Redis can carry of them — the measured inputs of the capacity model (lib/capacity, /scale).
//   tsx --conditions=react-server scripts/bench/capacity/main.ts [--seconds 10] [--clients 8] [--iterations 300] [--redis-port 6390]
//     [--port 3870] [--trial] [--install]
// Needs a PostgreSQL server (DATABASE_URL=postgresql://…: a fresh database is made on it and
// dropped), pgbench, redis-server, redis-benchmark, wrk and HAProxy (`--install` installs the
// missing ones with apt-get), and a production build (made if there is none). Redis is a private
// redis-server on --redis-port, never a shared one; --port and the six ports after it are used.
// Writes docs/bench/capacity.json, naming the machine and the date.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { describeMachine } from "../http/machine.ts";
import { createFreshDatabase } from "../../fresh-database/fresh-database.ts";
import { measureAppProcess } from "./app-process.ts";
import { measureHarness } from "./harness.ts";
import { runPgbench, type PgbenchResult } from "./pgbench.ts";
import { bytesPerRow, populate, type FullPopulation } from "./populate.ts";
import { benchCommand, benchFanout, perDeliveryMicros, startRedis, type RedisServer } from "./redis-bench.ts";
import { classifyStatement, pgbenchScript, type CapturedStatement } from "./statements.ts";
import { ADD_TO_WINDOW } from "../../../lib/state/redis-scripts.ts";
import { INVALIDATION_CHANNEL } from "../../../lib/auth/check-cache/pushed-cache.ts";

// Module constants are read by the top-level await below, so they come first.
const TOOLS = [
  { command: "pgbench", probe: ["--version"], apt: "postgresql-contrib" },
  { command: "redis-server", probe: ["--version"], apt: "redis-server" },
  { command: "redis-benchmark", probe: ["--version"], apt: "redis-tools" },
  { command: "wrk", probe: ["-v"], apt: "wrk" },
  { command: "haproxy", probe: ["-v"], apt: "haproxy" },
];
const CACHES = ["off", "push", "cookie"] as const;
const POPULATION: FullPopulation = { users: 100_000, sessions: 1_000_000, families: 200_000, revokedTokens: 100_000 };
const FANOUT_SUBSCRIBERS = [0, 10, 100, 1000];

const options = parseOptions();
const databaseUrl = process.env.DATABASE_URL ?? "";
if (!/^postgres(ql)?:\/\//.test(databaseUrl)) usage("needs a PostgreSQL server: DATABASE_URL=postgresql://user@host:5432/any (a fresh database is made on it)");
requireTools();
requireBuild();

const startedAt = new Date().toISOString();
const runId = Date.now().toString(36);
const database = await createFreshDatabase({ name: `capacity_${runId}` });
let redis: RedisServer | null = null;
const cleanUp = async () => {
  await redis?.stop();
  await database.drop().catch((error: Error) => console.error(`bench:capacity: could not drop ${database.url}: ${error.message}`));
};
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanUp().then(() => process.exit(130)));
try {
  redis = await startRedis(options.redisPort);
  await run(redis);
} catch (error) {
  console.error(`bench:capacity: ${(error as Error).stack}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
  // Whatever a failed step left open (a client still reconnecting) must not keep the bench alive.
  process.exit();
}

async function run(server: RedisServer) {
  const secrets = { SESSION_SECRET: secret(), JWT_SECRET: secret(), JWT_KEY_ENCRYPTION_SECRET: secret() };
  // The hashing budget would shed the bench's back-to-back logins: it is a policy, and its
  // limit is a setting (PASSWORD_HASHES_PER_SECOND), not a cost to measure.
  const env = { ...process.env, ...secrets, NODE_ENV: "production" as const, JWT_ACCESS_TTL_SECONDS: "900", PASSWORD_HASHES_PER_SECOND: "100000" };
  log(`fresh PostgreSQL database ${new URL(database.url).pathname.slice(1)}; private redis-server ${server.version} on :${server.port}`);
  prepare({ ...env, DATABASE_URL: database.url });

  log(`operations, in one process per SESSION_CACHE (${options.iterations} iterations each)`);
  const postgresql: Record<string, Operations> = {};
  for (const cache of CACHES) {
    postgresql[cache] = operations({ ...env, DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${server.port}`, SESSION_CACHE: cache });
  }

  log(`populating ${Object.entries(POPULATION).map(([table, rows]) => `${rows.toLocaleString("en-US")} ${table}`).join(", ")}`);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await populate(client, POPULATION);
  const rowBytes = await bytesPerRow(client);
  const postgresVersion = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  await client.end();

  const off = postgresql.off!;
  const scripts: Record<string, CapturedStatement[]> = {
    "session.check": statementsOf(off, "session", "checkCold"),
    "session.login": statementsOf(off, "session", "login"),
    // The touch is the write a check makes once a minute; the check's read is benched above.
    "session.touch": statementsOf(off, "session", "touch").filter((statement) => classifyStatement(statement.sql) === "write"),
    "session.logout": statementsOf(off, "session", "logout"),
    "jwt.check": statementsOf(off, "jwt", "checkCold"),
    "jwt.login": statementsOf(off, "jwt", "login"),
    "jwt.refresh": statementsOf(off, "jwt", "refresh"),
    "jwt.logout": statementsOf(off, "jwt", "logout"),
  };
  const pgbench: Record<string, PgbenchResult & { script: string }> = {};
  for (const [name, statements] of Object.entries(scripts)) {
    const script = pgbenchScript(statements, POPULATION);
    const result = await runPgbench({ databaseUrl: database.url, script, name: name.replace(".", "-"), seconds: options.seconds, clients: options.clients, threads: 2 });
    log(`  pgbench ${name.padEnd(15)} ${Math.round(result.tps).toLocaleString("en-US").padStart(7)} tx/s, ${fixed(result.backendCpuMicrosPerTx)} µs of backend CPU per tx`);
    pgbench[name] = { ...result, script };
  }

  log("redis-benchmark: the app's commands, then PUBLISH with 0…1,000 subscribers");
  const requests = options.trial ? 20_000 : 100_000;
  const message = JSON.stringify({ from: "00000000-0000-4000-8000-000000000000", tags: ["session:0123456789abcdef0123456789abcdef0123456"] });
  const channel = `svj:${INVALIDATION_CHANNEL}`;
  const commands = {
    "eval:login-window": benchCommand(server, ["EVAL", ADD_TO_WINDOW, "1", "svj:login:untrusted:__rand_int__", "__rand_int__", "__rand_int__", "900000"], { requests, clients: 16 }),
    zrem: benchCommand(server, ["ZREM", "svj:login:untrusted:__rand_int__", "__rand_int__"], { requests, clients: 16 }),
    publish: benchCommand(server, ["PUBLISH", channel, message], { requests, clients: 16 }),
  };
  for (const [name, result] of Object.entries(commands)) log(`  ${name.padEnd(18)} ${Math.round(result.rps).toLocaleString("en-US").padStart(7)} ops/s, ${fixed(result.serverCpuMicrosPerOp)} µs of server CPU per op`);
  const fanout = [];
  for (const subscribers of FANOUT_SUBSCRIBERS) {
    const point = await benchFanout(server, channel, message, subscribers, options.trial ? 200_000 : 1_000_000);
    log(`  PUBLISH, ${String(subscribers).padStart(4)} subscribers: ${Math.round(point.rps).toLocaleString("en-US").padStart(7)} publishes/s, ${fixed(point.serverCpuMicrosPerOp)} µs per publish`);
    fanout.push(point);
  }

  log("the bench's own tools: wrk and HAProxy, CPU per request");
  const harness = await measureHarness({ port: options.port, seconds: options.trial ? 5 : 10 });
  log(`  wrk ${fixed(harness.wrkCpuMicrosPerRequest)} µs, HAProxy ${fixed(harness.haproxyCpuMicrosPerRequest)} µs per request at ${Math.round(harness.rps)} req/s`);

  log("the production server's own CPU per request, one server per SESSION_CACHE");
  const app = await measureAppProcess({
    env: { ...env, DATABASE_URL: database.url }, port: options.port + 4, seconds: options.trial ? 3 : 5, rounds: options.trial ? 2 : 3,
    logDir: mkdtempSync(join(tmpdir(), "svj-capacity-app-")), log,
  });

  const result = {
    kind: "bench:capacity",
    trial: options.trial,
    note: options.trial ? "A TRIAL run on a shared, busy machine: figures are for trying the pipeline, not for decisions." : null,
    startedAt,
    finishedAt: new Date().toISOString(),
    machine: { ...describeMachine({ databaseUrl: database.url }), postgres: postgresVersion, redis: server.version },
    settings: { pgbenchSeconds: options.seconds, pgbenchClients: options.clients, pgbenchThreads: 2, iterations: options.iterations, redisRequests: requests, population: POPULATION },
    operations: { postgresql },
    postgres: { rowBytes, operations: pgbench },
    redis: { commands, fanout, perDeliveryMicros: perDeliveryMicros(fanout) },
    harness,
    app,
  };
  mkdirSync("docs/bench", { recursive: true });
  const file = join("docs/bench", "capacity.json");
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  log(`wrote ${file}${options.trial ? " (labelled a trial)" : ""}`);
}

// ---- steps -----------------------------------------------------------------------------------
type Operations = Record<string, unknown>;

function prepare(env: NodeJS.ProcessEnv) {
  for (const args of [["prisma", "migrate", "deploy"], ["prisma", "db", "seed"]]) {
    const { status } = spawnSync("npx", args, { env: { ...env, DEMO_USERS: "true" }, stdio: ["ignore", "ignore", "inherit"] });
    if (status !== 0) throw new Error(`npx ${args.join(" ")} failed (exit ${status})`);
  }
}

function operations(env: NodeJS.ProcessEnv): Operations {
  const args = ["tsx", "--conditions=react-server", "scripts/bench/capacity/operations.ts", String(options.iterations)];
  const { status, stdout, stderr } = spawnSync("npx", args, { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (status !== 0) throw new Error(`operations (SESSION_CACHE=${env.SESSION_CACHE}) failed:\n${stderr.slice(-2000)}`);
  const measured = JSON.parse(stdout.trim().split("\n").at(-1)!) as Operations;
  log(`  SESSION_CACHE=${env.SESSION_CACHE}: done`);
  return measured;
}

function statementsOf(measured: Operations, mode: "session" | "jwt", operation: string): CapturedStatement[] {
  const statements = (measured[mode] as Record<string, { statements?: CapturedStatement[] }> | undefined)?.[operation]?.statements;
  if (!statements?.length) throw new Error(`no statements captured for ${mode}.${operation}`);
  return statements;
}

// ---- options and prerequisites ---------------------------------------------------------------
function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        seconds: { type: "string", default: "10" }, clients: { type: "string", default: "8" }, iterations: { type: "string", default: "300" },
        "redis-port": { type: "string", default: "6390" }, port: { type: "string", default: "3870" },
        trial: { type: "boolean", default: false }, install: { type: "boolean", default: false },
      },
    });
    const number = (name: string, value: string, min: number, max: number) => {
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
      return parsed;
    };
    const seconds = number("seconds", values.seconds, 1, 600);
    const iterations = number("iterations", values.iterations, 20, 100_000);
    return {
      seconds, iterations, clients: number("clients", values.clients, 1, 64),
      redisPort: number("redis-port", values["redis-port"], 1024, 65_535), port: number("port", values.port, 1024, 65_529),
      // Shorter than a quiet-machine run: labelled so everywhere it is written.
      trial: values.trial || seconds < 10 || iterations < 300, install: values.install,
    };
  } catch (error) {
    return usage(`${(error as Error).message}\nusage: npm run bench:capacity -- [--seconds 10] [--clients 8] [--iterations 300] [--redis-port 6390] [--port 3870] [--trial] [--install]`);
  }
}

/** The server step measures the production build, as bench:http does. */
function requireBuild() {
  if (existsSync(join(process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) return;
  log("no production build yet: running next build");
  if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) usage("next build failed; see above");
}

function requireTools() {
  const missing = TOOLS.filter((tool) => spawnSync(tool.command, tool.probe).error);
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((tool) => tool.apt))];
  if (!options.install) usage(`missing ${missing.map((tool) => tool.command).join(", ")}; install with: apt-get install -y ${packages.join(" ")} (or run with --install)`);
  log(`installing ${packages.join(" ")} with apt-get`);
  if (spawnSync("apt-get", ["install", "-y", ...packages], { stdio: "inherit" }).status !== 0) usage(`apt-get install ${packages.join(" ")} failed`);
}

// Declarations, not const arrows: the top-level await above runs before this line is reached.
function secret() {
  return randomBytes(32).toString("base64url");
}

function fixed(value: number | null) {
  return value === null ? "?" : value.toFixed(1);
}

function log(line: string) {
  console.log(`bench:capacity: ${line}`);
}

function usage(message: string): never {
  console.error(`bench:capacity: ${message}`);
  process.exit(1);
}

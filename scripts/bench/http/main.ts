// `npm run bench:http`: what authentication costs a request of the production build, measured
// from outside with wrk, against the same request without auth. See docs/PERFORMANCE.md.
//   tsx scripts/bench/http/main.ts [--duration 5] [--rounds 3] [--warmup 1] [--connections 16]
//     [--checks none,denylist] [--algs EdDSA,HS256] [--caches push,off,cookie] [--port 3800] [--fleet]
//     [--lag-samples 20] [--skip-build | --rebuild]
// DATABASE_URL picks the database kind (unset: SQLite; postgres://…: a fresh PostgreSQL
// database on that server). --fleet needs PostgreSQL and REDIS_URL (see scripts/fleet/main.ts).
// Ports: --port and up (one per configuration; with --fleet, a fleet's span: scripts/fleet/ports.ts).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { logIn } from "./accounts.ts";
import { describeMachine } from "./machine.ts";
import { fleetPortSpan } from "../../fleet/ports.ts";
import { measureTargets } from "./measure.ts";
import { parseBenchOptions, UsageError, type BenchOptions } from "./options.ts";
import { writeOutputs } from "./output.ts";
import { machineLine, ratioRows, revocationLines, terminalTable } from "./report.ts";
import { checkRevocations } from "./revocation.ts";
import { stopServers } from "./servers.ts";
import { ALICE, BOB, issueCredentials, prepareDatabase, startAll } from "./setup.ts";
import type { ServerConfiguration } from "./targets.ts";
import { authHeaders, benchTargets, labelWithAlgSeen, serverConfigurations } from "./targets.ts";
import { createFreshDatabase } from "../../fresh-database/fresh-database.ts";

/** A refusal of ours (declared up here: the top-level await below runs before the bottom). */
class BenchError extends Error {}

const settings = readSettings();
const { fleetSize } = settings;
const configs = serverConfigurations({ checks: settings.checks, algs: settings.algs, caches: settings.caches, basePort: settings.port, portStep: fleetSize ? fleetPortSpan(fleetSize) : 1 });
requireWrk();
if (fleetSize) requireFleetPrerequisites();
ensureBuild();

const startedAt = new Date().toISOString();
const database = await createFreshDatabase({ name: `bench_http_${Date.now().toString(36)}` });
const logDir = mkdtempSync(join(tmpdir(), "svj-bench-http-"));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanUp().then(() => process.exit(130)));
try {
  await run();
} catch (error) {
  // Our own refusals are one clear line; anything else is a bug and keeps its stack.
  console.error(`bench:http: ${error instanceof BenchError ? error.message : error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function run() {
  const machine = describeMachine({ databaseUrl: database.url, fleetInstances: fleetSize || null });
  const env = {
    ...process.env, NODE_ENV: "production" as const, DATABASE_URL: database.url,
    SESSION_SECRET: randomBytes(32).toString("base64url"), JWT_SECRET: randomBytes(32).toString("base64url"),
    JWT_KEY_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"),
    // Long-lived access tokens: one login per mode must last the whole run.
    JWT_ACCESS_TTL_SECONDS: "86400",
  };
  console.log(`bench:http: fresh ${machine.database} database; server logs in ${logDir}`);
  // Victims per sample: session device, password, disable (per cache); JWT password, disable per server.
  const emails = prepareDatabase(env, (3 * settings.caches.length + 2 * configs.length) * (fleetSize ? settings.lagSamples : 1));
  const nextUser = () => emails.shift() ?? fail("ran out of bench users");

  console.log(`bench:http: starting ${configs.length} ${fleetSize ? "fleets" : "servers"} (${configs.map((c) => `${c.key} :${c.port}`).join(", ")})`);
  const { servers, problems } = await startAll(configs, env, { logDir, fleetSize });
  for (const [key, problem] of problems) console.error(`bench:http: ${key}: ${problem}`);
  const main = configs.find((config) => config.isDefault) ?? fail("no default server configuration");
  if (problems.has(main.key)) fail(`the default server did not start; see ${servers.get(main.key)?.log ?? "its log"}`);
  const running = configs.filter((config) => !problems.has(config.key));
  const { credentials, algsSeen } = await issueCredentials(running, servers);
  for (const config of running) {
    if (algsSeen[config.key] !== config.alg) console.warn(`bench:http: ${config.key}: JWT_ALG=${config.alg} asked, tokens signed with ${algsSeen[config.key]} (the server does not know JWT_ALG yet?)`);
  }

  const targets = benchTargets(configs).map((target) => labelWithAlgSeen(target, configOf(target.server), algsSeen[target.server]));
  const plans = targets.flatMap((target) => {
    const [server, credential] = [servers.get(target.server), credentials.get(target.server)];
    return server && credential ? [{ ...target, url: server.origin + target.path, headers: authHeaders(target.auth, credential, target.path) }] : [];
  });
  console.log(`bench:http: ${plans.length} targets × ${settings.rounds} rounds × (${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s), ${settings.connections} connections\nmachine: ${machineLine(machine)}`);
  const measured = await measureTargets(plans, { ...settings, seconds: settings.durationSeconds, log: (line) => console.log(line) });

  console.log(`\nrevocation: events on one instance, then the ended credential on it${fleetSize ? " and, polled, on the other" : ""}:`);
  const revocation = [];
  for (const config of running) {
    const server = servers.get(config.key) ?? fail(`no server for ${config.key}`);
    const [origin = server.origin, otherOrigin] = fleetSize ? server.instances : [server.origin, undefined];
    const admin = await logIn(origin, "session", ALICE.email, ALICE.password);
    const where = { origin, otherOrigin, bob: BOB, admin, nextUser, samples: settings.lagSamples, cache: config.cache };
    const cache = `SESSION_CACHE=${config.cache}`;
    if (config.isDefault || config.cache !== main.cache) revocation.push(...(await checkRevocations({ ...where, label: `session (${cache})`, mode: "session" })));
    revocation.push(...(await checkRevocations({ ...where, label: `JWT (${config.check}, ${algLabel(config, algsSeen[config.key])}, ${cache})`, mode: "jwt" })));
  }
  for (const line of revocationLines(revocation)) console.log(`  ${line}`);

  const { threads, lagSamples, durationSeconds, rounds, warmupSeconds, connections, short } = settings;
  const result = {
    kind: "bench:http", startedAt, finishedAt: new Date().toISOString(), machine,
    settings: { durationSeconds, rounds, warmupSeconds, connections, threads, lagSamples, short },
    servers: configs.map((config) => ({ ...config, tokenAlg: algsSeen[config.key] ?? null, error: problems.get(config.key) ?? null })),
    targets: targets.map((target) => {
      const outcome = measured.get(target.key);
      const error = outcome?.error ?? problems.get(target.server);
      return { ...target, summary: outcome?.summary ?? null, rounds: outcome?.rounds ?? [], ...(error ? { error } : {}) };
    }),
    revocation,
  };
  console.log(`\n${machineLine(machine)}${short ? "\nSHORT TRIAL RUN (under 5 s or 3 rounds): figures not meaningful" : ""}\n`);
  console.log(terminalTable(ratioRows(result.targets)));
  const { jsonFile, svgFile } = writeOutputs(result);
  console.log(`\nwrote ${jsonFile}, ${svgFile} and the table in docs/PERFORMANCE.md`);
}

function configOf(key: string): ServerConfiguration {
  return configs.find((config) => config.key === key) ?? fail(`no server configuration ${key}`);
}

function algLabel(config: ServerConfiguration, seen: string | null | undefined): string {
  return seen && seen !== config.alg ? `${config.alg} asked, ${seen} signed` : config.alg;
}

async function cleanUp() {
  await stopServers();
  await database.drop().catch((error) => console.error(`bench:http: could not drop ${database.url}: ${error.message}`));
}

function requireWrk() {
  if (missingCommand("wrk")) usage("wrk is not installed; install it with: apt-get install -y wrk");
}

function missingCommand(command: string): boolean {
  return (spawnSync(command, ["-v"]).error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
}

/** What scripts/fleet/main.ts would refuse, refused before a database is made for nothing. */
function requireFleetPrerequisites() {
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) usage("--fleet needs DATABASE_URL=postgresql://… (every instance must see the same sessions)");
  if (!/^rediss?:\/\//.test(process.env.REDIS_URL ?? "")) usage("--fleet needs REDIS_URL=redis://… (shared denylist and invalidations)");
  if (missingCommand("haproxy")) usage("--fleet needs HAProxy; install it with: apt-get install -y haproxy");
}

function ensureBuild() {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const built = existsSync(join(dist, "BUILD_ID"));
  if (settings.skipBuild && !built) usage(`no build in ${dist}; run without --skip-build`);
  if (settings.rebuild || !built) {
    if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) usage("next build failed; see above");
  } else if (!existsSync(join(dist, "server/app/api/bench/floor"))) {
    usage(`the build in ${dist} predates /api/bench/floor; run with --rebuild`);
  }
}

/** Once servers may be running: throw, so the finally block stops them and drops the database. */
function fail(message: string): never {
  throw new BenchError(message);
}

function readSettings(): BenchOptions {
  try {
    return parseBenchOptions(process.argv.slice(2), os.availableParallelism());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return usage(error.message);
  }
}

/** Before anything was started: a wrong option or a missing tool. */
function usage(message: string): never {
  console.error(`bench:http: ${message}`);
  process.exit(1);
}

// `npm run bench:http`: what authentication costs a request of the production build, measured
// from outside with wrk, against the same request without auth. See README "Performance".
//   node scripts/bench-http.mjs [--duration 5] [--rounds 3] [--warmup 1] [--connections 16]
//     [--checks none,denylist,strict] [--algs EdDSA,HS256] [--port 3800] [--fleet]
//     [--lag-samples 20] [--skip-build | --rebuild]
// DATABASE_URL picks the database kind (unset: SQLite; postgres://…: a fresh PostgreSQL
// database on that server). --fleet needs PostgreSQL and REDIS_URL (see scripts/fleet.mjs).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { logIn, tokenAlg } from "./bench-http/accounts.mjs";
import { describeMachine } from "./bench-http/machine.mjs";
import { measureTargets } from "./bench-http/measure.mjs";
import { writeOutputs } from "./bench-http/output.mjs";
import { ratioRows, revocationLines, machineLine, terminalTable } from "./bench-http/report.mjs";
import { BENCH_PASSWORD, checkRevocations } from "./bench-http/revocation.mjs";
import { startServer, stopServers, waitUntilHealthy } from "./bench-http/servers.mjs";
import { authHeaders, benchTargets, JWT_ALGS, REVOCATION_CHECKS, serverConfigurations } from "./bench-http/targets.mjs";
import { createFreshDatabase } from "./fresh-database.mjs";

const { values: options } = parseArgs({
  options: {
    duration: { type: "string", default: "5" }, rounds: { type: "string", default: "3" }, warmup: { type: "string", default: "1" },
    connections: { type: "string", default: "16" }, checks: { type: "string", default: REVOCATION_CHECKS.join(",") },
    algs: { type: "string", default: JWT_ALGS.join(",") }, port: { type: "string", default: "3800" }, fleet: { type: "boolean", default: false },
    "lag-samples": { type: "string", default: "20" }, "skip-build": { type: "boolean", default: false }, rebuild: { type: "boolean", default: false },
  },
});
const settings = {
  durationSeconds: positive("duration"), rounds: positive("rounds"), warmupSeconds: Number(options.warmup) || 0, connections: positive("connections"),
  // wrk needs far less CPU than Next: one thread per two cores leaves the rest to the server.
  threads: Math.max(1, Math.floor(describeMachine({}).cores / 2)), lagSamples: positive("lag-samples"),
};
settings.short = settings.durationSeconds < 5 || settings.rounds < 3;
const fleetSize = options.fleet ? 2 : 0;
const configs = serverConfigurations({ checks: list("checks", REVOCATION_CHECKS), algs: list("algs", JWT_ALGS), basePort: positive("port"), portStep: options.fleet ? 3 : 1 });

requireWrk();
ensureBuild();
const startedAt = new Date().toISOString();
const database = await createFreshDatabase({ name: `bench_http_${Date.now().toString(36)}` });
const logDir = mkdtempSync(join(tmpdir(), "svj-bench-http-"));
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => cleanUp().then(() => process.exit(130)));
try {
  await run();
} catch (error) {
  console.error(`bench:http: ${error instanceof BenchError ? error.message : error.stack}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function run() {
  const env = {
    ...process.env, NODE_ENV: "production", DATABASE_URL: database.url,
    SESSION_SECRET: randomBytes(32).toString("base64url"), JWT_SECRET: randomBytes(32).toString("base64url"),
    // Long-lived access tokens: one login per mode must last the whole run.
    JWT_ACCESS_TTL_SECONDS: "86400",
  };
  console.log(`bench:http: fresh ${describeMachine({ databaseUrl: database.url }).database} database; server logs in ${logDir}`);
  npx(["prisma", "migrate", "deploy"], env);
  npx(["prisma", "db", "seed"], { ...env, DEMO_MODE: "true" });
  const perSample = 3 + 2 * configs.length; // session: device, password, disable; JWT: password, disable
  const emails = Array.from({ length: perSample * (fleetSize ? settings.lagSamples : 1) }, (_, index) => `bench-${index}@bench.test`);
  npx(["tsx", "scripts/bench-http/create-users.ts", BENCH_PASSWORD, ...emails], env);
  const nextUser = () => emails.shift() ?? fail("ran out of bench users");

  const servers = new Map(configs.map((config) => [config.key, startServer({
    name: `bench-${config.key}`, port: config.port, logDir, fleetSize,
    env: { ...env, JWT_REVOCATION_CHECK: config.check, JWT_ALG: config.alg, INSTANCE_NAME: `bench-${config.key}` },
  })]));
  console.log(`bench:http: starting ${servers.size} ${fleetSize ? "fleets" : "servers"} (${configs.map((c) => `${c.key} :${c.port}`).join(", ")})`);
  const health = await Promise.allSettled([...servers.values()].map((server) => waitUntilHealthy(server)));
  const problems = new Map();
  configs.forEach((config, index) => {
    if (health[index].status === "rejected") problems.set(config.key, `server did not start: ${health[index].reason.message.split("\n")[0]}`);
  });
  for (const [key, problem] of problems) console.error(`bench:http: ${key}: ${problem} (log: ${servers.get(key).log})`);
  const main = configs.find((config) => config.isDefault);
  if (problems.has(main.key)) fail(`the default server did not start; see ${servers.get(main.key).log}`);

  const bob = { email: "bob@example.com", password: "bob-password" };
  const credentials = new Map();
  const algsSeen = {};
  for (const config of configs.filter((c) => !problems.has(c.key))) {
    const origin = servers.get(config.key).origin;
    const jwt = await logIn(origin, "jwt", bob.email, bob.password);
    algsSeen[config.key] = tokenAlg(jwt.accessToken);
    if (algsSeen[config.key] !== config.alg) console.warn(`bench:http: ${config.key}: JWT_ALG=${config.alg} asked, tokens signed with ${algsSeen[config.key]} (the server does not know JWT_ALG yet?)`);
    credentials.set(config.key, { jwt, ...(config.isDefault ? { session: await logIn(origin, "session", bob.email, bob.password) } : {}) });
  }

  // A label names the alg that actually signed, not just the one asked for.
  const targets = benchTargets(configs).map((target) => {
    const config = configs.find((c) => c.key === target.server);
    const seen = algsSeen[target.server];
    return target.auth.startsWith("jwt") && seen && seen !== config.alg ? { ...target, label: target.label.replace(`, ${config.alg})`, `, ${config.alg} asked, ${seen} signed)`) } : target;
  });
  const plans = targets.filter((target) => credentials.has(target.server)).map((target) => ({
    ...target, url: servers.get(target.server).origin + target.path, headers: authHeaders(target.auth, credentials.get(target.server), target.path),
  }));
  const machine = describeMachine({ databaseUrl: database.url, fleetInstances: fleetSize || null });
  console.log(`bench:http: ${plans.length} targets × ${settings.rounds} rounds × (${settings.warmupSeconds} s warm-up + ${settings.durationSeconds} s), ${settings.connections} connections\nmachine: ${machineLine(machine)}`);
  const measured = await measureTargets(plans, { ...settings, seconds: settings.durationSeconds, log: (line) => console.log(line) });

  console.log("\nrevocation (events on one instance, probes with the ended credential):");
  const admin = await logIn(fleetSize ? servers.get(main.key).instances[0] : servers.get(main.key).origin, "session", "alice@example.com", "alice-password");
  const revocation = [];
  for (const config of configs.filter((c) => !problems.has(c.key))) {
    const server = servers.get(config.key);
    const [origin, otherOrigin] = fleetSize ? server.instances : [server.origin, undefined];
    const where = { origin, otherOrigin, bob, nextUser, samples: settings.lagSamples };
    const configAdmin = config.isDefault ? admin : await logIn(origin, "session", "alice@example.com", "alice-password");
    if (config.isDefault) revocation.push(...(await checkRevocations({ ...where, label: "session", mode: "session", admin: configAdmin })));
    revocation.push(...(await checkRevocations({ ...where, label: `JWT (${config.check}, ${config.alg})`, mode: "jwt", admin: configAdmin })));
  }
  for (const line of revocationLines(revocation)) console.log(`  ${line}`);

  const result = {
    kind: "bench:http", startedAt, finishedAt: new Date().toISOString(), machine, settings,
    servers: configs.map((config) => ({ ...config, tokenAlg: algsSeen[config.key] ?? null, error: problems.get(config.key) ?? null })),
    targets: targets.map((target) => {
      const outcome = measured.get(target.key);
      return { ...target, summary: outcome?.summary ?? null, rounds: outcome?.rounds ?? [], ...(outcome?.error || problems.has(target.server) ? { error: outcome?.error ?? problems.get(target.server) } : {}) };
    }),
    revocation,
  };
  console.log(`\n${machineLine(machine)}${settings.short ? "\nSHORT TRIAL RUN (under 5 s or 3 rounds): figures not meaningful" : ""}\n`);
  console.log(terminalTable(ratioRows(result.targets)));
  const { jsonFile, svgFile } = writeOutputs(result);
  console.log(`\nwrote ${jsonFile}, ${svgFile} and the README table`);
}

async function cleanUp() {
  await stopServers();
  await database.drop().catch((error) => console.error(`bench:http: could not drop ${database.url}: ${error.message}`));
}

function requireWrk() {
  if (spawnSync("wrk", ["-v"]).error?.code === "ENOENT") {
    console.error("bench:http: wrk is not installed; install it with: apt-get install -y wrk");
    process.exit(1);
  }
}

function ensureBuild() {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  const built = existsSync(join(dist, "BUILD_ID"));
  if (built && !existsSync(join(dist, "server/app/api/bench/baseline"))) {
    console.warn("bench:http: the existing build predates /api/bench/baseline; rebuild it (--rebuild)");
  }
  if (options["skip-build"] && !built) usage(`no build in ${dist}; run without --skip-build`);
  if (options.rebuild || (!built && !options["skip-build"])) {
    if (spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status !== 0) usage("next build failed; see above");
  }
}

function npx(args, env) {
  const { status } = spawnSync("npx", args, { env, stdio: ["ignore", "inherit", "inherit"] });
  if (status !== 0) fail(`npx ${args.slice(0, 3).join(" ")} failed (exit ${status})`);
}

function positive(name) {
  const value = Number(options[name]);
  if (!Number.isInteger(value) || value < 1) usage(`--${name} must be a positive whole number (got "${options[name]}")`);
  return value;
}

function list(name, allowed) {
  const values = options[name].split(",").map((value) => value.trim()).filter(Boolean);
  const unknown = values.filter((value) => !allowed.includes(value));
  if (values.length === 0 || unknown.length > 0) usage(`--${name}: choose from ${allowed.join(", ")} (got "${options[name]}")`);
  return values;
}

class BenchError extends Error {}

/** Once servers may be running: throw, so the finally block stops them and drops the database. */
function fail(message) {
  throw new BenchError(message);
}

/** Before anything was started: a wrong option or a missing tool. */
function usage(message) {
  console.error(`bench:http: ${message}`);
  process.exit(1);
}

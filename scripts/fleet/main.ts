// `npm run fleet`: FLEET_SIZE instances of one production build behind HAProxy — the smallest
// setup where "which process answers" stops being a constant.
//   tsx scripts/fleet/main.ts [--skip-build]
// Needs DATABASE_URL (PostgreSQL) and REDIS_URL: a fleet on a per-process SQLite file or on
// per-process memory would only show what breaks. Ports: PORT (default 3000) for the balancer,
// PORT+1 … PORT+FLEET_SIZE for the instances, PORT+FLEET_SIZE+1 for HAProxy's own metrics
// (loopback only). A crashed instance is restarted (supervisor.ts); Ctrl-C /
// SIGTERM stops all of it. docs/FLEET.md says what happens when an instance crashes.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { haproxyConfig, PROMETHEUS_PATH, STICKY_LAB_PREFIX } from "./haproxy-config.ts";
import { fleetStatsPort } from "./ports.ts";
import { createSupervisor } from "./supervisor.ts";

const skipBuild = process.argv.includes("--skip-build");
const port = Number(process.env.PORT || 3000);
const size = Number(process.env.FLEET_SIZE || 2);
const statsPort = fleetStatsPort(port, size);
// The instances are `next start` itself, not `npx next start`: one process each, so the pid the
// supervisor watches is the server's, and a kill -9 of it is a crash the supervisor sees (an
// npx in between would leave an orphan holding the port when npx is the one killed).
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
/** The balancer's configuration file, in a temporary folder removed on exit. */
let configDir = null;

refuseUnlessReady();
if (process.env.NODE_ENV !== "production") process.env.DEMO_MODE ??= "true";

// Secrets, migrations, seed and build exactly as `npm start` does them, once for the fleet.
const prepare = spawnSync(process.execPath, ["--import", "tsx", "scripts/start/main.ts", "--prepare-only", ...(skipBuild ? ["--skip-build"] : [])], { stdio: "inherit" });
if (prepare.status !== 0) fail(`preparing the build and database failed (exit ${prepare.status ?? prepare.signal})`);
if (existsSync(".env.local")) process.loadEnvFile(".env.local");

const supervisor = createSupervisor();
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => supervisor.stop(0));

const instances = Array.from({ length: size }, (_, index) => ({ name: `app-${index + 1}`, port: port + index + 1 }));
// The fleet lab (/labs/fleet) sends requests to each instance by its own origin; the
// sticky-sessions lab (/labs/sticky-sessions) sends them through the balancer.
const fleetInstances = instances.map((instance) => `http://127.0.0.1:${instance.port}`).join(",");
const fleetBalancer = `http://127.0.0.1:${port}`;
await Promise.all(
  instances.map(({ name, port: instancePort }) =>
    supervisor.startInstance({
      name,
      command: process.execPath,
      // Loopback always: only the balancer faces clients.
      args: [nextBin, "start", "-H", "127.0.0.1", "-p", String(instancePort)],
      // TRUST_PROXY=1: the one hop in front is our HAProxy, which replaces X-Forwarded-For.
      env: { ...process.env, PORT: String(instancePort), INSTANCE_NAME: name, TRUST_PROXY: process.env.TRUST_PROXY ?? "1", FLEET_INSTANCES: fleetInstances, FLEET_BALANCER_URL: fleetBalancer },
      healthUrl: `http://127.0.0.1:${instancePort}/api/health`,
    }),
  ),
);
if (supervisor.isStopping()) await new Promise(() => {}); // the supervisor exits once its processes have

configDir = mkdtempSync(join(tmpdir(), "svj-fleet-"));
const configFile = join(configDir, "haproxy.cfg");
// The balancer binds where `npm start` would: loopback unless HOST asks for more (the exposure
// check in `npm start -- --prepare-only` has already said what that exposes, or refused).
writeFileSync(configFile, haproxyConfig({ port, statsPort, instances, host: process.env.HOST || "127.0.0.1" }));
supervisor.startEssential("haproxy", "haproxy", ["-db", "-f", configFile], process.env);
supervisor.markServing();

const metricsNote = process.env.METRICS_TOKEN ? `with "Authorization: Bearer $METRICS_TOKEN" (in ${existsSync(".env.local") ? ".env.local" : "your environment"})` : "— off: set METRICS_TOKEN to serve them";
console.log(`\nfleet: ${size} instances behind HAProxy (round robin, no sticky sessions; only the sticky-sessions lab's ${STICKY_LAB_PREFIX} is pinned)`);
console.log(`fleet:   balancer   http://localhost:${port}`);
for (const { name, port: instancePort } of instances) console.log(`fleet:   ${name.padEnd(10)} http://localhost:${instancePort}   metrics http://127.0.0.1:${instancePort}${PROMETHEUS_PATH}`);
console.log(`fleet:   haproxy    metrics http://127.0.0.1:${statsPort}/metrics (loopback only: retries, redispatches, each instance up or down)`);
console.log(`fleet: scrape each instance's metrics ${metricsNote}; docs/FLEET.md lists them.`);
// The instances read SESSION_CACHE themselves (lib/env.ts, default push); said here so nobody
// has to guess whether a revocation crosses instances by message or by reading the database.
const sessionCache = process.env.SESSION_CACHE || "push";
console.log(sessionCache === "push"
  ? "fleet: SESSION_CACHE=push (default): checks are cached per instance; a revocation evicts here and on every other instance through Redis, and an instance whose subscription is down reads the database."
  : `fleet: SESSION_CACHE=${sessionCache}: ${sessionCache === "off" ? "every check reads the database" : "a signed check cookie answers for SESSION_CACHE_COOKIE_SECONDS"}.`);
console.log("fleet: every response through the balancer carries X-Instance; a crashed instance is restarted; Ctrl-C stops everything.\n");

function refuseUnlessReady() {
  const problems = [];
  if (!Number.isInteger(size) || size < 1 || size > 16) problems.push(`FLEET_SIZE must be 1…16 (got "${process.env.FLEET_SIZE}")`);
  if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) {
    problems.push("DATABASE_URL must be a PostgreSQL URL: every instance must see the same sessions (SQLite is one file per machine)");
  }
  if (!/^rediss?:\/\//.test(process.env.REDIS_URL ?? "")) {
    problems.push("REDIS_URL must be set: throttles, lab runs and cache invalidations must be shared by every instance");
  }
  if (spawnSync("haproxy", ["-v"], { stdio: "ignore" }).status !== 0) {
    problems.push("HAProxy is not installed. Install it with: apt-get install -y haproxy");
  }
  if (problems.length > 0) fail(`cannot start:\n  - ${problems.join("\n  - ")}\nexample: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/svj REDIS_URL=redis://127.0.0.1:6379 PORT=3930 npm run fleet`);
}

function fail(message: string): never {
  console.error(`fleet: ${message}`);
  process.exit(1);
}

process.on("exit", () => {
  try {
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  } catch {
    // A temp folder left behind is harmless; the exit must not fail over it.
  }
});

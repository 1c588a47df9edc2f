// `npm run fleet`: FLEET_SIZE instances of one production build behind HAProxy — the smallest
// setup where "which process answers" stops being a constant.
//   node scripts/fleet.mjs [--skip-build]
// Needs DATABASE_URL (PostgreSQL) and REDIS_URL: a fleet on a per-process SQLite file or on
// per-process memory would only show what breaks. Ports: PORT (default 3000) for the balancer,
// PORT+1 … PORT+FLEET_SIZE for the instances. Ctrl-C / SIGTERM stops all of it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { haproxyConfig, STICKY_LAB_PREFIX } from "./fleet/haproxy-config.mjs";

const skipBuild = process.argv.includes("--skip-build");
const port = Number(process.env.PORT || 3000);
const size = Number(process.env.FLEET_SIZE || 2);

refuseUnlessReady();
if (process.env.NODE_ENV !== "production") process.env.DEMO_MODE ??= "true";

// Secrets, migrations, seed and build exactly as `npm start` does them, once for the fleet.
const prepare = spawnSync(process.execPath, ["scripts/start.mjs", "--prepare-only", ...(skipBuild ? ["--skip-build"] : [])], { stdio: "inherit" });
if (prepare.status !== 0) fail(`preparing the build and database failed (exit ${prepare.status ?? prepare.signal})`);
if (existsSync(".env.local")) process.loadEnvFile(".env.local");

const instances = Array.from({ length: size }, (_, index) => ({ name: `app-${index + 1}`, port: port + index + 1 }));
const children = [];
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));

// The fleet lab (/labs/fleet) sends requests to each instance by its own origin; the
// sticky-sessions lab (/labs/sticky-sessions) sends them through the balancer.
const fleetInstances = instances.map((instance) => `http://127.0.0.1:${instance.port}`).join(",");
const fleetBalancer = `http://127.0.0.1:${port}`;
for (const instance of instances) {
  // TRUST_PROXY=1: the one hop in front is our HAProxy, which replaces X-Forwarded-For.
  const env = { ...process.env, PORT: String(instance.port), INSTANCE_NAME: instance.name, TRUST_PROXY: process.env.TRUST_PROXY ?? "1", FLEET_INSTANCES: fleetInstances, FLEET_BALANCER_URL: fleetBalancer };
  start(instance.name, "npx", ["next", "start", "-p", String(instance.port)], env);
}
await Promise.all(instances.map((instance) => waitForHealth(instance)));

const configDir = mkdtempSync(join(tmpdir(), "svj-fleet-"));
const configFile = join(configDir, "haproxy.cfg");
writeFileSync(configFile, haproxyConfig({ port, instances }));
start("haproxy", "haproxy", ["-db", "-f", configFile], process.env);

console.log(`\nfleet: ${size} instances behind HAProxy (round robin, no sticky sessions; only the sticky-sessions lab's ${STICKY_LAB_PREFIX} is pinned)`);
console.log(`fleet:   balancer   http://localhost:${port}`);
for (const { name, port: instancePort } of instances) console.log(`fleet:   ${name.padEnd(10)} http://localhost:${instancePort}`);
console.log("fleet: every response through the balancer carries X-Instance; Ctrl-C stops everything.\n");

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

function start(name, command, args, env) {
  const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (text) => process.stdout.write(text.replace(/^(?=.)/gm, prefix)));
  }
  child.on("exit", (code, signal) => {
    if (stopping) return;
    console.error(`fleet: ${name} exited (${signal ?? code}); stopping the fleet`);
    stop(1);
  });
  children.push(child);
}

async function waitForHealth({ name, port: instancePort }) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(`http://127.0.0.1:${instancePort}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet: `next start` takes a few seconds on a busy machine.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!stopping) fail(`${name} did not become healthy on port ${instancePort} within 120 s`);
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  // `next start` closes its connections on SIGTERM; give it a moment, then insist.
  const force = setTimeout(() => children.forEach((child) => child.kill("SIGKILL")), 5000);
  Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.once("exit", resolve))))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}

function fail(message) {
  console.error(`fleet: ${message}`);
  if (children.length > 0) stop(1);
  else process.exit(1);
}

process.on("exit", () => {
  try {
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  } catch {
    // A temp folder left behind is harmless; the exit must not fail over it.
  }
});

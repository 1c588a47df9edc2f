// `npm run bench:peers`: our app beside minimal Better Auth and Auth.js apps, on the same Next
// and React versions and the same database kind (SQLite), each in its documented setup, loaded
// in the same interleaved wrk rounds and each divided by its own uncredentialed route.
//   tsx scripts/bench/peers/main.ts [--rounds 5] [--seconds 5] [--warmup 1] [--connections 16]
//     [--port 3700] [--only ours,better-auth,authjs,<configuration key>] [--quick]
// Ports: --port and the five after it. The peers are built outside the repo (os.tmpdir()) from
// the templates in scripts/bench/peers/apps/. Writes docs/bench/peers.json. See docs/PERFORMANCE.md.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { describeMachine } from "../http/machine.ts";
import { measureTargets } from "../http/measure.ts";
import { startServer, stopServers, waitUntilHealthy, type StartedServer } from "../http/servers.ts";
import { BOB, prepareDatabase } from "../http/setup.ts";
import { createFreshDatabase } from "../../fresh-database/fresh-database.ts";
import { preparePeerApp, setUpPeerDatabase, startPeerServer, stopPeerServers } from "./apps.ts";
import { BENCH_USER, signIn, type PeerCredential } from "./clients.ts";
import { OUR_ACCESS_TTL_SECONDS, selectConfigurations, serverPlans, UNMEASURABLE, type ServerPlan } from "./configurations.ts";
import { parsePeersOptions, type PeersOptions } from "./options.ts";
import { queriesPerRequest, revocationOutcome } from "./probes.ts";
import { markdownTable, type PeerRow } from "./table.ts";

let settings: PeersOptions;
try {
  settings = parsePeersOptions(process.argv.slice(2), os.availableParallelism());
} catch (error) {
  usage(error instanceof Error ? error.message : String(error));
}
const allServers = serverPlans(settings.port);
let configs: ReturnType<typeof selectConfigurations>;
try {
  configs = selectConfigurations(settings.only, allServers);
} catch (error) {
  usage((error as Error).message);
}
const servers = allServers.filter((server) => configs.some((config) => config.server === server.key));
if (spawnSync("wrk", ["-v"]).error) usage("wrk is not installed; install it with: apt-get install -y wrk");
if (process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith("file:")) usage("the peers run on SQLite only: unset DATABASE_URL");

const startedAt = new Date().toISOString();
const logDir = mkdtempSync(join(tmpdir(), "svj-bench-peers-"));
const database = servers.some((server) => server.app === "ours") ? await createFreshDatabase({ name: `bench_peers_${Date.now().toString(36)}` }) : null;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanUp().then(() => process.exit(130)));
try {
  await run();
} catch (error) {
  console.error(`bench:peers: ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanUp();
}

async function run() {
  const log = (line: string) => console.log(`bench:peers: ${line}`);
  const problems = new Map<string, string>();
  const started = new Map<string, StartedServer>();
  const versions: Record<string, Record<string, string>> = {};

  if (servers.some((server) => server.app === "ours")) {
    const problem = ensureOurBuild();
    if (problem) servers.filter((s) => s.app === "ours").forEach((s) => problems.set(s.key, problem));
  }
  for (const app of new Set(servers.map((server) => server.app).filter((app) => app !== "ours"))) {
    const prepared = preparePeerApp(app, log);
    if ("error" in prepared) {
      log(`${app}: ${prepared.error}`);
      servers.filter((s) => s.app === app).forEach((s) => problems.set(s.key, prepared.error));
      continue;
    }
    versions[app] = prepared.versions;
    for (const server of servers.filter((s) => s.app === app)) {
      const file = join(logDir, `${server.key}.db`);
      const env = peerEnv(server, file);
      const problem = setUpPeerDatabase(prepared.dir, env, BENCH_USER);
      if (problem) problems.set(server.key, problem);
      else started.set(server.key, startPeerServer({ name: server.key, dir: prepared.dir, port: server.port, env, logDir }));
    }
  }
  if (database && servers.some((s) => s.app === "ours" && !problems.has(s.key))) {
    const env = ourEnv(database.url);
    try {
      // Migrated and seeded as bench:http does (bob signs in); it insists on one throwaway user.
      prepareDatabase(env, 1);
    } catch (error) {
      servers.filter((s) => s.app === "ours").forEach((s) => problems.set(s.key, `preparing our database failed: ${(error as Error).message}`));
    }
    for (const server of servers.filter((s) => s.app === "ours" && !problems.has(s.key))) {
      started.set(server.key, startServer({ name: server.key, port: server.port, env: { ...env, ...server.env, INSTANCE_NAME: server.key }, logDir }));
    }
  }
  await Promise.all([...started].map(([key, server]) => waitUntilHealthy(server).catch((error: Error) => problems.set(key, `server did not start: ${error.message.split("\n")[0]} (log: ${server.log})`))));

  // Probes first (sign-in, queries, sign-out and replay), each on a credential of its own; then one credential per configuration for the load.
  const rows = new Map<string, PeerRow>(configs.map((config) => [config.key, { key: config.key, label: config.label, authRps: null, openRps: null, credentialBytes: null, queriesPerRequest: null, revocation: null }]));
  const loadCredentials = new Map<string, PeerCredential>();
  for (const config of configs) {
    const row = rows.get(config.key)!;
    const server = servers.find((s) => s.key === config.server)!;
    if (problems.has(server.key)) {
      row.error = problems.get(server.key);
      continue;
    }
    const origin = started.get(server.key)!.origin;
    const user = server.app === "ours" ? BOB : BENCH_USER;
    try {
      const probe = await signIn(origin, config.present, config.authPath, user);
      row.credentialBytes = probe.bytes;
      row.queriesPerRequest = await queriesPerRequest(server.app, origin, config, probe);
      row.revocation = await revocationOutcome(origin, config, probe);
      loadCredentials.set(config.key, await signIn(origin, config.present, config.authPath, user));
    } catch (error) {
      row.error = `probe failed: ${(error as Error).message}`;
    }
    log(`${config.label}: ${row.error ?? `${row.credentialBytes} credential bytes, ${row.queriesPerRequest} queries per /me, after sign-out: ${row.revocation?.kind}`}`);
  }

  const plans = [
    ...servers.filter((s) => started.has(s.key) && !problems.has(s.key)).map((s) => ({ key: `open:${s.key}`, label: `${s.key}: ${s.openPath} (no credential)`, url: started.get(s.key)!.origin + s.openPath, path: s.openPath, headers: {} })),
    ...configs.filter((c) => loadCredentials.has(c.key)).map((c) => ({ key: c.key, label: c.label, url: started.get(c.server)!.origin + c.authPath, path: c.authPath, headers: loadCredentials.get(c.key)!.headers })),
  ];
  const machine = describeMachine({ databaseUrl: database?.url ?? "file:peers.db" });
  console.log(`\nbench:peers: ${plans.length} targets × ${settings.rounds} rounds × (${settings.warmupSeconds} s warm-up + ${settings.seconds} s), ${settings.connections} connections`);
  const measured = await measureTargets(plans, { ...settings, log: (line: string) => console.log(line) });
  for (const config of configs) {
    const row = rows.get(config.key)!;
    const auth = measured.get(config.key);
    const open = measured.get(`open:${config.server}`);
    row.authRps = auth?.summary?.rps ?? null;
    row.openRps = open?.summary?.rps ?? null;
    if (!row.error && (auth?.error || open?.error)) row.error = auth?.error ?? `its open route: ${open?.error}`;
  }
  const unmeasurable = UNMEASURABLE.filter(() => settings.only.length === 0);
  const table: PeerRow[] = [...rows.values(), ...unmeasurable.map((u) => ({ key: u.key, label: u.label, authRps: null, openRps: null, credentialBytes: null, queriesPerRequest: null, revocation: null, error: u.reason }))];

  const result = {
    kind: "bench:peers", startedAt, finishedAt: new Date().toISOString(), machine, versions,
    settings: { rounds: settings.rounds, seconds: settings.seconds, warmupSeconds: settings.warmupSeconds, connections: settings.connections, threads: settings.threads, short: settings.short },
    servers: servers.map((server) => ({ key: server.key, app: server.app, env: server.env, openPath: server.openPath, error: problems.get(server.key) ?? null })),
    rows: table,
    rounds: Object.fromEntries([...measured].map(([key, value]) => [key, value.rounds])),
  };
  mkdirSync("docs/bench", { recursive: true });
  writeFileSync("docs/bench/peers.json", `${JSON.stringify(result, null, 2)}\n`);
  const versionLine = Object.entries(versions).map(([app, v]) => `${app}: ${Object.entries(v).map(([n, x]) => `${n} ${x}`).join(", ")}`).join("; ");
  console.log(`\n${machine.cores} cores (${machine.cpu}), SQLite, Node ${machine.node}, Next ${machine.next}; ${versionLine}`);
  if (settings.short) console.log("SHORT TRIAL RUN (under 5 s or 3 rounds): figures not meaningful");
  console.log(`\n${markdownTable(table)}\n\nwrote docs/bench/peers.json; server logs in ${logDir}`);
}

function ourEnv(databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, DEMO_USERS: "true",
    SESSION_SECRET: secret(), JWT_SECRET: secret(), JWT_KEY_ENCRYPTION_SECRET: secret(),
    JWT_ACCESS_TTL_SECONDS: String(OUR_ACCESS_TTL_SECONDS),
  };
}

function peerEnv(server: ServerPlan, databaseFile: string): NodeJS.ProcessEnv {
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", PEER_DB_FILE: databaseFile,
    BETTER_AUTH_SECRET: secret(), BETTER_AUTH_URL: origin, AUTH_SECRET: secret(), AUTH_URL: `${origin}/api/auth`,
    ...server.env,
  };
}

function secret(): string {
  return randomBytes(32).toString("base64url");
}

/** Our production build in this worktree, made if there is none. Returns a problem or null. */
function ensureOurBuild(): string | null {
  const dist = process.env.NEXT_DIST_DIR || ".next";
  if (existsSync(join(dist, "BUILD_ID"))) return null;
  console.log("bench:peers: no build of ours yet: next build");
  return spawnSync("npx", ["next", "build"], { stdio: "inherit" }).status === 0 ? null : "next build of our app failed (see above)";
}

async function cleanUp() {
  await Promise.all([stopServers(), stopPeerServers()]);
  await database?.drop().catch((error: Error) => console.error(`bench:peers: could not drop ${database.url}: ${error.message}`));
}

function usage(message: string): never {
  console.error(`bench:peers: ${message}`);
  process.exit(1);
}

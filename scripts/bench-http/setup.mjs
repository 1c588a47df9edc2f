// Everything before the first wrk run: the fresh database's schema and users, the servers,
// and one login per mode and server.
import { spawnSync } from "node:child_process";
import { logIn, meStatus, tokenAlg } from "./accounts.mjs";
import { BENCH_PASSWORD } from "./revocation.mjs";
import { startServer, waitUntilHealthy } from "./servers.mjs";

export const BOB = { email: "bob@example.com", password: "bob-password" };
export const ALICE = { email: "alice@example.com", password: "alice-password" };

function npx(args, env) {
  const { status } = spawnSync("npx", args, { env, stdio: ["ignore", "inherit", "inherit"] });
  if (status !== 0) throw new Error(`npx ${args.slice(0, 3).join(" ")} failed (exit ${status})`);
}

/** Migrates and seeds as `npm start` does, then adds `count` throwaway users; returns their e-mails. */
export function prepareDatabase(env, count) {
  npx(["prisma", "migrate", "deploy"], env);
  // A fresh database is not the SQLite default: the demo users (the bench logs in as bob) must be asked for.
  npx(["prisma", "db", "seed"], { ...env, DEMO_MODE: "true", DEMO_USERS: "true" });
  const emails = Array.from({ length: count }, (_, index) => `bench-${index}@bench.test`);
  // react-server: the lib modules it imports are marked server-only.
  npx(["tsx", "--conditions=react-server", "scripts/bench-http/create-users.ts", BENCH_PASSWORD, ...emails], env);
  return emails;
}

/**
 * The cookie cache at its longest (600 s): wrk keeps no cookies, so the one check cookie each
 * load run sends must stay fresh for the whole run, as a browser's would by being refreshed once
 * per max age (one database read per client per max age: nothing at this rate). Its revocation
 * lag is that max age whatever it is set to; the revocation probes show it from outside.
 */
export function cacheEnv(cache) {
  return { SESSION_CACHE: cache, ...(cache === "cookie" ? { SESSION_CACHE_COOKIE_SECONDS: "600" } : {}) };
}

/**
 * Single servers start all at once. Fleets start one after another: each runs its own
 * `prisma migrate deploy`, and several at once would queue on the migration lock.
 * @returns {Promise<{ servers: Map<string, object>, problems: Map<string, string> }>}
 */
export async function startAll(configs, env, { logDir, fleetSize }) {
  const servers = new Map();
  const problems = new Map();
  const launch = (config) => {
    const server = startServer({
      name: `bench-${config.key}`, port: config.port, logDir, fleetSize,
      env: { ...env, DEMO_USERS: "true", JWT_REVOCATION_CHECK: config.check, JWT_ALG: config.alg, INSTANCE_NAME: `bench-${config.key}`, ...cacheEnv(config.cache) },
    });
    servers.set(config.key, server);
    return waitUntilHealthy(server).catch((error) => problems.set(config.key, `server did not start: ${error.message.split("\n")[0]} (log: ${server.log})`));
  };
  if (fleetSize) {
    for (const config of configs) await launch(config);
  } else {
    await Promise.all(configs.map(launch));
  }
  return { servers, problems };
}

/**
 * Bob logs in once per mode and server. The token's header says which alg really signed it:
 * a server that does not know JWT_ALG yet must not be reported as EdDSA.
 */
export async function issueCredentials(configs, servers) {
  const credentials = new Map();
  const algsSeen = {};
  for (const config of configs) {
    const origin = servers.get(config.key).origin;
    const jwt = await logIn(origin, "jwt", BOB.email, BOB.password);
    algsSeen[config.key] = tokenAlg(jwt.accessToken);
    const session = await logIn(origin, "session", BOB.email, BOB.password);
    // One /me each, presented by cookie, keeps what it sets (SESSION_CACHE=cookie's check cookie).
    for (const credential of [jwt, session]) {
      const probe = { ...credential, presentAs: "cookie" };
      await meStatus(origin, probe);
      credential.cookies = probe.cookies;
    }
    credentials.set(config.key, { jwt, session });
  }
  return { credentials, algsSeen };
}

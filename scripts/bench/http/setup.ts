// Everything before the first wrk run: the fresh database's schema and users, the servers,
// and one login per mode and server.
import { spawnSync } from "node:child_process";
import { logIn, meStatus, tokenAlg, type Credential } from "./accounts.ts";
import { BENCH_PASSWORD } from "./revocation.ts";
import { startServer, waitUntilHealthy, type StartedServer } from "./servers.ts";
import type { ServerConfiguration } from "./targets.ts";

/** Bob's credentials on one server, one per mode. */
export interface ServerCredentials {
  jwt: Credential;
  session: Credential;
}

export const BOB = { email: "bob@example.com", password: "bob-password" };
export const ALICE = { email: "alice@example.com", password: "alice-password" };

function npx(args: string[], env: NodeJS.ProcessEnv): void {
  const { status } = spawnSync("npx", args, { env, stdio: ["ignore", "inherit", "inherit"] });
  if (status !== 0) throw new Error(`npx ${args.slice(0, 3).join(" ")} failed (exit ${status})`);
}

/** Migrates and seeds as `npm start` does, then adds `count` throwaway users; returns their e-mails. */
export function prepareDatabase(env: NodeJS.ProcessEnv, count: number): string[] {
  npx(["prisma", "migrate", "deploy"], env);
  // A fresh database is not the SQLite default: the demo users (the bench logs in as bob) must be asked for.
  npx(["prisma", "db", "seed"], { ...env, DEMO_MODE: "true", DEMO_USERS: "true" });
  const emails = Array.from({ length: count }, (_, index) => `bench-${index}@bench.test`);
  // react-server: the lib modules it imports are marked server-only.
  npx(["tsx", "--conditions=react-server", "scripts/bench/http/create-users.ts", BENCH_PASSWORD, ...emails], env);
  return emails;
}

/**
 * The cookie cache at its longest (600 s): wrk keeps no cookies, so the one check cookie each
 * load run sends must stay fresh for the whole run, as a browser's would by being refreshed once
 * per max age (one database read per client per max age: nothing at this rate). Its revocation
 * lag is that max age whatever it is set to; the revocation probes show it from outside.
 */
export function cacheEnv(cache: string): Record<string, string> {
  return { SESSION_CACHE: cache, ...(cache === "cookie" ? { SESSION_CACHE_COOKIE_SECONDS: "600" } : {}) };
}

/**
 * Single servers start all at once. Fleets start one after another: each runs its own
 * `prisma migrate deploy`, and several at once would queue on the migration lock.
 */
export async function startAll(
  configs: ServerConfiguration[],
  env: NodeJS.ProcessEnv,
  { logDir, fleetSize }: { logDir: string; fleetSize: number },
): Promise<{ servers: Map<string, StartedServer>; problems: Map<string, string> }> {
  const servers = new Map<string, StartedServer>();
  const problems = new Map<string, string>();
  const launch = (config: ServerConfiguration) => {
    const server = startServer({
      name: `bench-${config.key}`, port: config.port, logDir, fleetSize,
      env: { ...env, DEMO_USERS: "true", JWT_REVOCATION_CHECK: config.check, JWT_ALG: config.alg, INSTANCE_NAME: `bench-${config.key}`, ...cacheEnv(config.cache) },
    });
    servers.set(config.key, server);
    return waitUntilHealthy(server).catch((error: Error) => problems.set(config.key, `server did not start: ${error.message.split("\n")[0]} (log: ${server.log})`));
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
export async function issueCredentials(
  configs: ServerConfiguration[],
  servers: Map<string, StartedServer>,
): Promise<{ credentials: Map<string, ServerCredentials>; algsSeen: Record<string, string | null> }> {
  const credentials = new Map<string, ServerCredentials>();
  const algsSeen: Record<string, string | null> = {};
  for (const config of configs) {
    const server = servers.get(config.key);
    if (!server) throw new Error(`no server started for ${config.key}`);
    const origin = server.origin;
    const jwt = await logIn(origin, "jwt", BOB.email, BOB.password);
    algsSeen[config.key] = tokenAlg(jwt.accessToken ?? "");
    const session = await logIn(origin, "session", BOB.email, BOB.password);
    // One /me each, presented by cookie, keeps what it sets (SESSION_CACHE=cookie's check cookie).
    for (const credential of [jwt, session]) {
      const probe: Credential = { ...credential, presentAs: "cookie" };
      await meStatus(origin, probe);
      credential.cookies = probe.cookies;
    }
    credentials.set(config.key, { jwt, session });
  }
  return { credentials, algsSeen };
}

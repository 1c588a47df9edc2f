// The production server's own CPU per request, read from /proc while wrk loads it: the main
// thread's (the event loop: what one instance can serve) and the whole process's (every thread:
// garbage collection, the driver's I/O — what it takes from a shared machine). One server per
// SESSION_CACHE on the bench's PostgreSQL database, like bench:http's single process, all
// started at once and measured in interleaved rounds, each target beside its own server's
// no-auth baseline of the same round: a machine shared with others changes speed, and the ratio
// to the baseline is what survives that. Needs a production build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { logIn, meStatus, type Credential } from "../http/accounts.ts";
import { waitUntilHealthy } from "../http/servers.ts";
import { BOB, cacheEnv } from "../http/setup.ts";
import { median, rotate } from "../http/stats.ts";
import { authHeaders } from "../http/targets.ts";
import { parseWrkOutput, wrkArgs } from "../http/wrk.ts";
import { processCpuMicros } from "./proc-cpu.ts";

export interface AppTarget {
  key: "baseline" | "session-me" | "jwt-me-cookie" | "jwt-me-bearer";
  cache: "off" | "push" | "cookie";
  rps: number;
  requests: number;
  mainThreadMicros: number;
  processMicros: number;
  /** Main-thread CPU over the same server's no-auth baseline in the same round (median over rounds). */
  mainThreadRatio: number;
}

type Cache = AppTarget["cache"];
const CACHES: Cache[] = ["push", "off", "cookie"];
const TARGETS = [
  { key: "baseline", auth: "none", path: "/api/bench/baseline", caches: CACHES },
  { key: "session-me", auth: "session-cookie", path: "/api/session/me", caches: CACHES },
  { key: "jwt-me-cookie", auth: "jwt-cookie", path: "/api/jwt/me", caches: CACHES },
  { key: "jwt-me-bearer", auth: "jwt-bearer", path: "/api/jwt/me", caches: ["push", "off"] },
] as const;

/** wrk for `seconds`, /proc read as it runs: the last reading before it ends is the total. */
async function measure(pid: number, url: string, headers: Record<string, string>, seconds: number) {
  const read = () => ({ process: processCpuMicros(pid), main: processCpuMicros(`${pid}/task/${pid}`) });
  const before = read();
  const child = spawn("wrk", wrkArgs({ url, headers, seconds, connections: 16, threads: 1 }), { stdio: ["ignore", "pipe", "ignore"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let last = before;
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    last = read();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  if ((await exited) !== 0) throw new Error(`wrk against ${url} failed`);
  const result = parseWrkOutput(output);
  if (result.non2xx > 0) throw new Error(`${url}: ${result.non2xx} answers were not 2xx`);
  if (before.process === null || last.process === null || before.main === null || last.main === null) throw new Error(`cannot read /proc/${pid}: the app's CPU is unknown`);
  return { rps: result.rps, requests: result.requests, processMicros: (last.process - before.process) / result.requests, mainThreadMicros: (last.main - before.main) / result.requests };
}

interface Running {
  cache: Cache;
  child: ChildProcess;
  origin: string;
  credentials: { session: Credential; jwt: Credential };
}

async function start(cache: Cache, port: number, env: NodeJS.ProcessEnv, logDir: string): Promise<Running> {
  const log = join(logDir, `app-${cache}.log`);
  const out = createWriteStream(log);
  // Next's own entry point, not npx: the server is this one process, whose /proc we read.
  // Loopback only, as npm start binds by default.
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, ...cacheEnv(cache), PORT: String(port), JWT_REVOCATION_CHECK: "denylist", DEMO_USERS: "true", JWT_ACCESS_TTL_SECONDS: "86400" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilHealthy({ name: `app-${cache}`, origin, instances: [], log, child });
  } catch (error) {
    child.kill("SIGTERM");
    throw error;
  }
  const credentials = { session: await logIn(origin, "session", BOB.email, BOB.password), jwt: await logIn(origin, "jwt", BOB.email, BOB.password) };
  // One /me each by cookie keeps the check cookie SESSION_CACHE=cookie sets, as a browser would.
  for (const credential of [credentials.session, credentials.jwt]) {
    const probe = { ...credential, presentAs: "cookie" as const };
    await meStatus(origin, probe);
    credential.cookies = probe.cookies;
  }
  return { cache, child, origin, credentials };
}

export async function measureAppProcess(options: { env: NodeJS.ProcessEnv; port: number; seconds: number; rounds: number; logDir: string; log: (line: string) => void }): Promise<AppTarget[]> {
  const servers: Running[] = [];
  try {
    for (const [index, cache] of CACHES.entries()) servers.push(await start(cache, options.port + index, options.env, options.logDir));
    const plans = servers.flatMap((server) =>
      TARGETS.filter((target) => (target.caches as readonly Cache[]).includes(server.cache)).map((target) => ({ server, target, headers: authHeaders(target.auth, server.credentials, target.path) })),
    );
    const samples = new Map<string, { rps: number; requests: number; mainThreadMicros: number; processMicros: number; ratio: number }[]>();
    for (let round = 0; round < options.rounds; round += 1) {
      const baselines = new Map<Cache, number>();
      const figures: [string, Cache, Awaited<ReturnType<typeof measure>>][] = [];
      for (const { server, target, headers } of rotate(plans, round)) {
        const url = server.origin + target.path;
        spawnSync("wrk", wrkArgs({ url, headers, seconds: 1, connections: 16, threads: 1 }));
        const measured = await measure(server.child.pid!, url, headers, options.seconds);
        if (target.key === "baseline") baselines.set(server.cache, measured.mainThreadMicros);
        figures.push([target.key, server.cache, measured]);
      }
      for (const [key, cache, measured] of figures) {
        const list = samples.get(`${key}|${cache}`) ?? [];
        list.push({ ...measured, ratio: measured.mainThreadMicros / baselines.get(cache)! });
        samples.set(`${key}|${cache}`, list);
      }
      options.log(`  app, round ${round + 1} of ${options.rounds} done`);
    }
    return [...samples.entries()].map(([id, list]) => {
      const [key, cache] = id.split("|") as [AppTarget["key"], Cache];
      const of = (pick: (entry: (typeof list)[number]) => number) => median(list.map(pick));
      const target: AppTarget = { key, cache, rps: of((e) => e.rps), requests: list.reduce((sum, e) => sum + e.requests, 0), mainThreadMicros: of((e) => e.mainThreadMicros), processMicros: of((e) => e.processMicros), mainThreadRatio: of((e) => e.ratio) };
      options.log(`  app, SESSION_CACHE=${cache.padEnd(6)} ${key.padEnd(14)} ${Math.round(target.rps).toLocaleString("en-US").padStart(6)} req/s, ${Math.round(target.mainThreadMicros)} µs main thread (${target.mainThreadRatio.toFixed(2)} × baseline), ${Math.round(target.processMicros)} µs whole process`);
      return target;
    });
  } finally {
    await Promise.all(
      servers.map((server) => {
        const exited = new Promise((resolve) => server.child.once("exit", resolve));
        server.child.kill("SIGTERM");
        return exited;
      }),
    );
  }
}

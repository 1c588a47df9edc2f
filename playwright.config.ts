import { execFileSync } from "node:child_process";
import { register } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
// The same launch arguments as scripts/screenshots.mjs: no sandbox, GPU or background traffic.
import CHROMIUM_ARGS from "./scripts/chromium-args.json" with { type: "json" };

const root = dirname(fileURLToPath(import.meta.url));
// E2E_FLEET=1 (`npm test -- --only fleet`): the specs in e2e/fleet/ against `npm run fleet`
// (two instances behind HAProxy on PostgreSQL + Redis); otherwise everything else against
// one `npm start`.
const fleet = process.env.E2E_FLEET === "1";
const port = Number(process.env.E2E_PORT ?? (fleet ? 3930 : 3100));
const baseURL = `http://localhost:${port}`;

// `npm test` (scripts/test-runner/) passes both in the environment. Run directly
// (`npx playwright test`), the main process finds them once here and its workers inherit them
// through the environment, so the browser search and the database are not redone per worker.
// Run directly, the database has a fixed name: each run replaces the last one's.
process.env.PLAYWRIGHT_CHROMIUM_PATH ||= runScript("find-browser/main.ts");
process.env.E2E_DATABASE_URL ||= runScript("fresh-database/main.ts", "--name", "e2e");
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH;

// The fixtures and specs use lib/db.ts and friends, which start with `import "server-only"`:
// outside Next that package throws unless resolved as server code. Playwright loads this config
// in its main process and in every worker before any test file, so a hook registered here covers
// both, whether run by `npm test` or as `npx playwright test`.
register("./scripts/server-only-hooks.mjs", import.meta.url);
const databaseUrl = process.env.E2E_DATABASE_URL;

// Matched against absolute paths, so anchored at e2e/: a checkout in a folder named "fleet"
// (/work/wt/fleet) once ignored every single-server spec and ran them all against the fleet.
const FLEET_SPECS = /\/e2e\/fleet\/[^/]+\.spec\.ts$/;

const chromium = {
  browserName: "chromium" as const,
  launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
};

const singleServerProjects = [
  {
    name: "chromium",
    grepInvert: /@outage/,
    testIgnore: FLEET_SPECS,
    // Not a cleanup: Playwright's one way to run a project strictly after another finished,
    // whatever its results (a dependency would be skipped after any failure).
    teardown: "outage",
    use: chromium,
  },
  {
    // The database-outage lab makes this server's database unreachable for every request
    // (up to 5 s): its tests run alone, once every other test has finished.
    name: "outage",
    grep: /@outage/,
    testIgnore: FLEET_SPECS,
    use: chromium,
  },
];

const fleetProjects = [
  { name: "fleet", testMatch: FLEET_SPECS, grepInvert: /@crash/, teardown: "fleet-crash", use: chromium },
  {
    // Kills the fleet's instances on purpose (and crashes a fleet of its own in a loop): alone,
    // once every other fleet test has finished, like the outage project above.
    name: "fleet-crash",
    testMatch: FLEET_SPECS,
    grep: /@crash/,
    use: chromium,
  },
];

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  // Flaky tests should be seen, not retried into green.
  retries: 0,
  // Two cores here; more workers only queue behind `next start`.
  workers: 2,
  // A hang guard, not a speed claim. The longest flows (two browsers, a dozen page loads, beside
  // the fuzz suite on two cores) took 22–31 s in CI, too close to Playwright's 30 s default.
  timeout: 60_000,
  reporter: [
    ["list"],
    // The test runner (scripts/test-runner/) reads the counts from this file.
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? "test-results/e2e-report.json" }],
  ],
  use: {
    // localhost, not 127.0.0.1: Chromium treats http://localhost as a secure context, so the
    // app's Secure / __Host- cookies are stored as they would be over HTTPS.
    baseURL,
    trace: "retain-on-first-failure",
  },
  projects: fleet ? fleetProjects : singleServerProjects,
  webServer: fleet ? [appServer()] : [appServer(), downstreamServer()],
});

/** The app: the production build, as users get it; the test runner builds it once beforehand. */
function appServer() {
  return {
    // Through node itself (tsx as a loader), not npx or the tsx CLI: SIGTERM reaches it, not a wrapper.
    command: `"${process.execPath}" --import tsx scripts/${fleet ? "fleet" : "start"}/main.ts --skip-build`,
    cwd: root,
    url: fleet ? `${baseURL}/api/health` : baseURL,
    // A fresh database that is not the SQLite default: the demo users must be asked for. The
    // downstream service listens on the next port (downstreamServer below).
    env: fleet ? fleetEnv() : singleServerEnv(),
    // Never reuse: a leftover server would run old code against an old database.
    reuseExistingServer: false,
    // migrate + seed + `next start` on a busy 2-core machine.
    timeout: 180_000,
    // Playwright's default is SIGKILL; let `next start` close its connections instead.
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    stdout: "pipe" as const,
  };
}

/**
 * `npm run downstream` beside the single server, on the port after the app's (where the app's
 * DOWNSTREAM_URL points): one for every spec, so none has to start its own. It trusts only the
 * app's JWKS and fetches it when the first token comes, so it may start before the app.
 * The fleet suite starts its own, behind the balancer (e2e/fleet/).
 */
function downstreamServer() {
  return {
    // node itself (tsx as a loader), not npx: SIGTERM then reaches the service, not a wrapper.
    command: `"${process.execPath}" --import tsx --conditions=react-server scripts/downstream.ts`,
    cwd: root,
    url: `http://127.0.0.1:${port + 1}/healthz`,
    env: { DOWNSTREAM_PORT: String(port + 1), JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json` },
    reuseExistingServer: false,
    timeout: 60_000,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 5_000 },
    stdout: "pipe" as const,
  };
}

/**
 * The shared server of the single-server suite. Every spec runs against it at once, all from
 * 127.0.0.1, the fuzzer beside the rest: per-client sign-up caps and the hashing budget would
 * make one spec's load another's 429, so both are wide here and tested on servers of their own
 * (e2e/abuse-limits.spec.ts). The two LAN names are served (PUBLIC_ORIGINS) so the plain-HTTP
 * login refusal can be seen there (e2e/lan-login.spec.ts).
 */
function singleServerEnv(): Record<string, string> {
  return {
    PORT: String(port),
    DATABASE_URL: databaseUrl!,
    DEMO_USERS: "true",
    DOWNSTREAM_URL: process.env.DOWNSTREAM_URL || `http://127.0.0.1:${port + 1}`,
    PUBLIC_ORIGINS: `http://192.0.2.20:${port},http://lan-demo.test:${port}`,
    SIGNUP_MAX_ATTEMPTS_PER_CLIENT: "10000",
    PASSWORD_HASHES_PER_SECOND: "10000",
  };
}

/** The fleet suite's servers: fresh PostgreSQL database, shared Redis, short windows to test. */
function fleetEnv(): Record<string, string> {
  if (!/^postgres/.test(databaseUrl ?? "")) throw new Error("E2E_FLEET=1 needs a PostgreSQL DATABASE_URL (the fleet refuses SQLite)");
  return {
    PORT: String(port),
    FLEET_SIZE: "2",
    DATABASE_URL: databaseUrl!,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    DEMO_USERS: "true",
    // Reuse of a rotated refresh token counts as theft at once, not after the grace window.
    REFRESH_REUSE_GRACE_SECONDS: "0",
    // The default, said out loud: every "refused by the other instance on the next request"
    // test then also proves the push cache's invalidation crosses instances, and the metrics
    // spec sees its messages and their lag. (Off reads the shared database on every check,
    // which no fleet test could tell apart from one instance.)
    SESSION_CACHE: process.env.SESSION_CACHE || "push",
    // The downstream service e2e/fleet/labs-fleet.spec.ts starts (port 3939 beside 3930).
    DOWNSTREAM_URL: process.env.DOWNSTREAM_URL || `http://127.0.0.1:${port + 9}`,
  };
}

function runScript(script: string, ...args: string[]): string {
  return execFileSync(process.execPath, ["--import", "tsx", `scripts/${script}`, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

// `npm test`: the unit, integration and e2e suites, each against what it needs, ending in one line
// `N passed, N failed, N skipped` (skipped counts todo tests too).
//   node --import tsx scripts/test-runner/main.ts [--only unit,integration,e2e,engine,fleet] [--skip-build] [-- <playwright args>]
//   --only        run some suites (comma-separated or repeated); `engine` (the schema-engine
//                 stand-in, needs PostgreSQL) and `fleet` (two instances behind HAProxy, needs a
//                 PostgreSQL DATABASE_URL, Redis and HAProxy) run only when named
//   --skip-build  reuse the existing .next build for e2e (the build does not depend on the database)
// DATABASE_URL picks the server the fresh test databases are made on (unset: SQLite).
// `engine` (the schema-engine stand-in, scripts/prisma/: engine/ and the postinstall's generate.ts) runs only when asked for: it needs
// PostgreSQL (TEST_POSTGRES_URL) and regenerates the Prisma client while it runs.
// One process (node with tsx as a loader, not the tsx CLI), so Ctrl-C and SIGTERM reach it.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { findChromium } from "../find-browser/find-browser.ts";
import { createFreshDatabase, newRunId } from "../fresh-database/fresh-database.ts";
import { isStopping, runCommand } from "../run-command/run-command.ts";
import { crashedUnlessCounted, readPlaywrightCounts, readTapCounts } from "./counts.ts";
import { parseOptions, SUITES, USAGE, type Options, type Suite } from "./options.ts";
import { summarize, type SuiteResult } from "./report.ts";
import { findTestFiles } from "./test-files.ts";

const ENGINE_TESTS = "scripts/prisma/";
const RESULTS_DIR = "test-results";
const E2E_REPORT = resolve(RESULTS_DIR, "e2e-report.json"); // absolute: Playwright resolves against its config
const QUIET_KNOWN_WARNINGS = pathToFileURL(resolve("scripts/test-runner/quiet-known-warnings.ts")).href;

type Browser = { path: string; error?: undefined } | { path?: undefined; error: Error };

const options = parseOptionsOrExit(process.argv.slice(2));
const results: SuiteResult[] = [];
const drops: (() => Promise<void>)[] = [];
const runId = newRunId();
mkdirSync(RESULTS_DIR, { recursive: true });

// Throwaway secrets: tests must not depend on, or leak, a developer's .env.local.
// No telemetry: test runs should not try to reach the internet.
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  SESSION_SECRET: randomBytes(32).toString("base64url"),
  JWT_SECRET: randomBytes(32).toString("base64url"),
  JWT_KEY_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"),
  // The e2e and fleet suites read the Prometheus metrics with it (e2e/metrics-prometheus.spec.ts).
  METRICS_TOKEN: randomBytes(32).toString("base64url"),
};

// Found first, so a missing browser is reported before minutes of other suites.
const browser = options.suites.has("e2e") || options.suites.has("fleet") ? locateBrowser() : null;
const runners: Record<Suite, () => Promise<unknown>> = {
  unit: runUnit,
  integration: runIntegration,
  e2e: () => runE2e(browser!),
  engine: runEngine,
  fleet: () => runFleet(browser!),
};
for (const suite of SUITES) {
  if (!options.suites.has(suite) || isStopping()) continue;
  // A suite that cannot even set up counts as one failure; the other suites still run.
  await runners[suite]().catch((error: Error) => results.push({ suite, passed: 0, failed: 1, note: error.message }));
}
for (const drop of drops) await drop().catch((error: Error) => console.error(`test: drop failed: ${error.message}`));
const { lines, exitCode } = summarize(results);
console.log("");
for (const line of lines) console.log(line);
process.exit(exitCode);

function parseOptionsOrExit(args: string[]): Options {
  try {
    return parseOptions(args);
  } catch (error) {
    console.error(`test: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

function locateBrowser(): Browser {
  try {
    const path = findChromium({ install: true });
    console.log(`test: e2e browser ${path}`);
    return { path };
  } catch (error) {
    console.error(`test: ${(error as Error).message}`);
    return { error: error as Error };
  }
}

async function runUnit(): Promise<void> {
  const files = findTestFiles(
    (file) => file.endsWith(".test.ts") && !file.endsWith(".integration.test.ts") && !file.startsWith(ENGINE_TESTS),
  );
  await runNodeTests("unit", files, baseEnv);
}

/** One file at a time: one of them regenerates lib/generated, which the others' CLI runs load. */
async function runEngine(): Promise<void> {
  const files = findTestFiles((file) => file.startsWith(ENGINE_TESTS) && file.endsWith(".test.ts"));
  await runNodeTests("engine", files, baseEnv, ["--test-concurrency=1"]);
}

async function runIntegration(): Promise<void> {
  const files = findTestFiles((file) => file.endsWith(".integration.test.ts"));
  if (files.length === 0) return void results.push({ suite: "integration", passed: 0, failed: 0 });
  const env = {
    ...baseEnv,
    DATABASE_URL: await freshDatabase("integration"),
    // Not the SQLite default, so the seed would skip the demo users the tests log in as.
    DEMO_USERS: "true",
    REDIS_TEST_URL: process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379",
  };
  await mustSucceed("prisma migrate deploy", ["prisma", "migrate", "deploy"], env);
  await mustSucceed("prisma db seed", ["prisma", "db", "seed"], env);
  // One file at a time: they share the database, and SQLite allows a single writer.
  await runNodeTests("integration", files, env, ["--test-concurrency=1"]);
}

async function runE2e({ path, error }: Browser): Promise<void> {
  if (error) throw error;
  if (!options.skipBuild) await mustSucceed("next build", ["next", "build"], baseEnv);
  rmSync(E2E_REPORT, { force: true }); // never count a previous run's report
  // The webServer in playwright.config.ts migrates and seeds this database itself.
  const env = {
    ...baseEnv,
    E2E_DATABASE_URL: await freshDatabase("e2e"),
    PLAYWRIGHT_CHROMIUM_PATH: path,
    PLAYWRIGHT_JSON_OUTPUT_FILE: E2E_REPORT,
  };
  const { code } = await runCommand("npx", ["playwright", "test", ...options.playwrightArgs], env);
  const counts = readPlaywrightCounts(E2E_REPORT);
  results.push({ suite: "e2e", ...counts, ...crashedUnlessCounted(code, counts) });
}

/** e2e/fleet/ against `npm run fleet`: two instances behind HAProxy, PostgreSQL and Redis. */
async function runFleet({ path, error }: Browser): Promise<void> {
  if (error) throw error;
  if (!/^postgres/.test(process.env.DATABASE_URL ?? "")) throw new Error("the fleet suite needs DATABASE_URL=postgresql://… (the fleet refuses SQLite)");
  if (!options.skipBuild && !options.suites.has("e2e")) await mustSucceed("next build", ["next", "build"], baseEnv);
  const report = resolve(RESULTS_DIR, "fleet-report.json");
  rmSync(report, { force: true });
  const env = {
    ...baseEnv,
    E2E_FLEET: "1",
    E2E_DATABASE_URL: await freshDatabase("fleet"),
    PLAYWRIGHT_CHROMIUM_PATH: path,
    PLAYWRIGHT_JSON_OUTPUT_FILE: report,
  };
  const { code } = await runCommand("npx", ["playwright", "test", ...options.playwrightArgs], env);
  const counts = readPlaywrightCounts(report);
  results.push({ suite: "fleet", ...counts, ...crashedUnlessCounted(code, counts) });
}

/** node's test runner through tsx; spec for people on stdout, TAP to a file for the counts. */
async function runNodeTests(suite: Suite, files: string[], env: NodeJS.ProcessEnv, extraArgs: string[] = []): Promise<void> {
  if (files.length === 0) return void results.push({ suite, passed: 0, failed: 0 });
  const tapFile = `${RESULTS_DIR}/${suite}.tap`;
  const reporters = [
    ...["--test-reporter=spec", "--test-reporter-destination=stdout"],
    ...["--test-reporter=tap", `--test-reporter-destination=${tapFile}`],
  ];
  rmSync(tapFile, { force: true });
  // react-server: what Next resolves server code with. lib/'s server modules start with
  // `import "server-only"`, which throws under any other condition (see docs/ARCHITECTURE.md, "Server modules say so").
  // The preload comes after tsx's own loader (the tsx CLI puts that first), so it may be TypeScript;
  // node's test runner hands these flags on to the process each test file runs in.
  const node = ["--conditions=react-server", `--import=${QUIET_KNOWN_WARNINGS}`, "--test"];
  const { code } = await runCommand("npx", ["tsx", ...node, ...reporters, ...extraArgs, ...files], env);
  const counts = readTapCounts(tapFile);
  results.push({ suite, ...counts, ...crashedUnlessCounted(code, counts) });
}

async function freshDatabase(suite: Suite): Promise<string> {
  const { url, drop } = await createFreshDatabase({ baseUrl: process.env.DATABASE_URL, name: `${runId}_${suite}` });
  drops.push(drop);
  return url;
}

async function mustSucceed(label: string, npxArgs: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { code } = await runCommand("npx", npxArgs, env);
  if (code !== 0) throw new Error(`"${label}" failed (exit ${code})`);
}

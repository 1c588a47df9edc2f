// `npm test`: the unit, integration and e2e suites, each against what it needs, ending in one line
// `N passed, N failed, N skipped` (skipped counts todo tests too).
//   node scripts/test.mjs [--only unit,integration,e2e,engine,fleet] [--skip-build] [-- <playwright args>]
//   --only        run some suites (comma-separated or repeated); `engine` (the schema-engine
//                 stand-in, needs PostgreSQL) and `fleet` (two instances behind HAProxy, needs a
//                 PostgreSQL DATABASE_URL, Redis and HAProxy) run only when named
//   --skip-build  reuse the existing .next build for e2e (the build does not depend on the database)
// DATABASE_URL picks the server the fresh test databases are made on (unset: SQLite).
// `engine` (the schema-engine stand-in, scripts/prisma/: engine/ and the postinstall's generate.ts) runs only when asked for: it needs
// PostgreSQL (TEST_POSTGRES_URL) and regenerates the Prisma client while it runs.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { findChromium } from "./find-browser.mjs";
import { createFreshDatabase, newRunId } from "./fresh-database.mjs";
import { isStopping, runCommand } from "./run-command.mjs";
import { crashedUnlessCounted, readPlaywrightCounts, readTapCounts } from "./test-counts.mjs";
import { findTestFiles } from "./test-files.mjs";

const SUITES = ["unit", "integration", "e2e", "engine", "fleet"];
const DEFAULT_SUITES = ["unit", "integration", "e2e"];
const ENGINE_TESTS = "scripts/prisma/";
const RESULTS_DIR = "test-results";
const E2E_REPORT = resolve(RESULTS_DIR, "e2e-report.json"); // absolute: Playwright resolves against its config

const options = parseOptions(process.argv.slice(2));
/** @type {{ suite: string, passed: number, failed: number, skipped?: number, note?: string }[]} */
const results = [];
const drops = [];
const runId = newRunId();
mkdirSync(RESULTS_DIR, { recursive: true });

// Throwaway secrets: tests must not depend on, or leak, a developer's .env.local.
// No telemetry: test runs should not try to reach the internet.
const baseEnv = {
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
const runners = { unit: runUnit, integration: runIntegration, e2e: () => runE2e(browser), engine: runEngine, fleet: () => runFleet(browser) };
for (const suite of SUITES) {
  if (!options.suites.has(suite) || isStopping()) continue;
  // A suite that cannot even set up counts as one failure; the other suites still run.
  await runners[suite]().catch((error) => results.push({ suite, passed: 0, failed: 1, note: error.message }));
}
for (const drop of drops) await drop().catch((error) => console.error(`test: drop failed: ${error.message}`));
process.exit(report());

function parseOptions(args) {
  const dashDash = args.includes("--") ? args.indexOf("--") : args.length;
  try {
    const { values } = parseArgs({
      args: args.slice(0, dashDash),
      options: { only: { type: "string", multiple: true }, "skip-build": { type: "boolean", default: false } },
    });
    const only = (values.only ?? []).flatMap((list) => list.split(","));
    const unknown = only.filter((suite) => !SUITES.includes(suite));
    if (unknown.length > 0) throw new Error(`unknown suite "${unknown.join(", ")}"`);
    return {
      suites: new Set(only.length > 0 ? only : DEFAULT_SUITES),
      skipBuild: values["skip-build"],
      playwrightArgs: args.slice(dashDash + 1),
    };
  } catch (error) {
    console.error(`test: ${error.message}\nusage: node scripts/test.mjs [--only ${SUITES.join(",")}] [--skip-build] [-- <playwright args>]`);
    process.exit(2);
  }
}

/** @returns {{ path?: string, error?: Error }} */
function locateBrowser() {
  try {
    const path = findChromium({ install: true });
    console.log(`test: e2e browser ${path}`);
    return { path };
  } catch (error) {
    console.error(`test: ${error.message}`);
    return { error };
  }
}

async function runUnit() {
  const files = findTestFiles(
    (file) => file.endsWith(".test.ts") && !file.endsWith(".integration.test.ts") && !file.startsWith(ENGINE_TESTS),
  );
  await runNodeTests("unit", files, baseEnv);
}

/** One file at a time: one of them regenerates lib/generated, which the others' CLI runs load. */
async function runEngine() {
  const files = findTestFiles((file) => file.startsWith(ENGINE_TESTS) && file.endsWith(".test.ts"));
  await runNodeTests("engine", files, baseEnv, ["--test-concurrency=1"]);
}

async function runIntegration() {
  const files = findTestFiles((file) => file.endsWith(".integration.test.ts"));
  if (files.length === 0) return results.push({ suite: "integration", passed: 0, failed: 0 });
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

async function runE2e({ path, error }) {
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
async function runFleet({ path, error }) {
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
async function runNodeTests(suite, files, env, extraArgs = []) {
  if (files.length === 0) return results.push({ suite, passed: 0, failed: 0 });
  const tapFile = `${RESULTS_DIR}/${suite}.tap`;
  const reporters = [
    ...["--test-reporter=spec", "--test-reporter-destination=stdout"],
    ...["--test-reporter=tap", `--test-reporter-destination=${tapFile}`],
  ];
  rmSync(tapFile, { force: true });
  // react-server: what Next resolves server code with. lib/'s server modules start with
  // `import "server-only"`, which throws under any other condition (see docs/ARCHITECTURE.md, "Server modules say so").
  const node = ["--conditions=react-server", "--test"];
  const { code } = await runCommand("npx", ["tsx", ...node, ...reporters, ...extraArgs, ...files], withQuietKnownWarnings(env));
  const counts = readTapCounts(tapFile);
  results.push({ suite, ...counts, ...crashedUnlessCounted(code, counts) });
}

/** NODE_OPTIONS reaches the test runner's child processes too, where the tests run. */
function withQuietKnownWarnings(env) {
  const preload = `--import=${pathToFileURL(resolve("scripts/quiet-known-warnings.mjs")).href}`;
  return { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(" ") };
}

async function freshDatabase(suite) {
  const { url, drop } = await createFreshDatabase({ baseUrl: process.env.DATABASE_URL, name: `${runId}_${suite}` });
  drops.push(drop);
  return url;
}

async function mustSucceed(label, npxArgs, env) {
  const { code } = await runCommand("npx", npxArgs, env);
  if (code !== 0) throw new Error(`"${label}" failed (exit ${code})`);
}

/** Per-suite lines, then the totals as the very last line; the exit code for the run. */
function report() {
  console.log("");
  for (const { suite, passed, failed, skipped = 0, note } of results) {
    const why = passed + failed === 0 ? "ran no tests" : note;
    console.log(`suite ${suite}: ${passed} passed, ${failed} failed, ${skipped} skipped${why ? ` — ${why}` : ""}`);
  }
  const sum = (key) => results.reduce((total, result) => total + (result[key] ?? 0), 0);
  // .ci/run reads this line: keep its pattern in step.
  console.log(`${sum("passed")} passed, ${sum("failed")} failed, ${sum("skipped")} skipped`);
  const anyEmpty = results.some((result) => result.passed + result.failed === 0);
  return sum("failed") > 0 || anyEmpty || results.length === 0 ? 1 : 0;
}

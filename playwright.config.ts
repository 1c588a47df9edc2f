import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
// The same launch arguments as scripts/screenshots.mjs: no sandbox, GPU or background traffic.
import CHROMIUM_ARGS from "./scripts/chromium-args.json" with { type: "json" };

const root = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// `npm test` (scripts/test.mjs) passes both in the environment. Run directly
// (`npx playwright test`), the main process finds them once here and its workers inherit them
// through the environment, so the browser search and the database are not redone per worker.
// Run directly, the database has a fixed name: each run replaces the last one's.
process.env.PLAYWRIGHT_CHROMIUM_PATH ||= runScript("find-browser.mjs");
process.env.E2E_DATABASE_URL ||= runScript("fresh-database.mjs", "--name", "e2e");
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH;
const databaseUrl = process.env.E2E_DATABASE_URL;

const chromium = {
  browserName: "chromium" as const,
  launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
};

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  // Flaky tests should be seen, not retried into green.
  retries: 0,
  // Two cores here; more workers only queue behind `next start`.
  workers: 2,
  reporter: [
    ["list"],
    // scripts/test.mjs reads the counts from this file.
    ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ?? "test-results/e2e-report.json" }],
  ],
  use: {
    // localhost, not 127.0.0.1: Chromium treats http://localhost as a secure context, so the
    // app's Secure / __Host- cookies are stored as they would be over HTTPS.
    baseURL,
    trace: "retain-on-first-failure",
  },
  projects: [
    {
      name: "chromium",
      grepInvert: /@outage/,
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
      use: chromium,
    },
  ],
  webServer: {
    // The production build, as users get it; scripts/test.mjs builds it once beforehand.
    command: "node scripts/start.mjs --skip-build",
    cwd: root,
    url: baseURL,
    // The downstream service, when a spec starts one (e2e/keys.spec.ts), listens on the next port.
    env: { PORT: String(port), DATABASE_URL: databaseUrl, DOWNSTREAM_URL: process.env.DOWNSTREAM_URL || `http://127.0.0.1:${port + 1}` },
    // Never reuse: a leftover server would run old code against an old database.
    reuseExistingServer: false,
    // migrate + seed + `next start` on a busy 2-core machine.
    timeout: 180_000,
    // Playwright's default is SIGKILL; let `next start` close its connections instead.
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    stdout: "pipe",
  },
});

function runScript(script: string, ...args: string[]): string {
  return execFileSync(process.execPath, [`scripts/${script}`, ...args], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
}

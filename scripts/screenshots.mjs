// `npm run screenshots`: PNGs of the real site for the README, written to docs/screenshots/ as
// <page>-1280.png (the whole page) and <page>-390.png (a phone's first screen).
//   npm run screenshots -- [--skip-build]
//   BASE_URL=http://localhost:3000 npm run screenshots   photograph a running app instead
// Plain JavaScript run with tsx as a loader (package.json), which lets it import the TypeScript
// helpers it shares with the test runner.
// Without BASE_URL it builds (unless --skip-build), starts the app on a fresh database with
// throwaway secrets (port SCREENSHOTS_PORT, default 3200), makes some traffic, and stops it.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import CHROMIUM_ARGS from "./chromium-args.json" with { type: "json" };
import { findChromium } from "./find-browser/find-browser.ts";
import { createFreshDatabase } from "./fresh-database/fresh-database.ts";
import { runCommand } from "./run-command/run-command.ts";

const OUT = "docs/screenshots";
const USERS = {
  session: { email: "alice@example.com", password: "alice-password" },
  jwt: { email: "bob@example.com", password: "bob-password" },
};

/** Each page at a laptop's width (the whole page) and a phone's (its first screen). */
const WIDTHS = [
  { width: 1280, height: 800, fullPage: true },
  { width: 390, height: 844, fullPage: false },
];
// /decide answered so that most of the page shows: a recommendation and every correction of the common advice.
const PUBLIC_PAGES = { home: "/", decide: "/decide?clients=native&services=some&revocation=everywhere&peakRps=100k&instances=several&limits=yes", "session-login": "/session/login", "jwt-login": "/jwt/login", register: "/register" };

const app = process.env.BASE_URL ? { url: process.env.BASE_URL.replace(/\/$/, ""), stop: async () => {} } : await startApp();
try {
  await photograph(app.url);
} finally {
  await app.stop();
}

async function photograph(baseURL) {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: findChromium({ log: console.error }), args: CHROMIUM_ARGS });
  try {
    let labPath = null;
    for (const [index, size] of WIDTHS.entries()) {
      const context = await browser.newContext({ baseURL, viewport: { width: size.width, height: size.height }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      const shoot = async (name, path) => {
        await expectOk(await page.goto(path));
        const file = `${OUT}/${name}-${size.width}.png`;
        await page.screenshot({ path: file, fullPage: size.fullPage });
        console.log(`screenshots: ${file}`);
      };
      // Logged out first: the login pages show their forms, not a redirect.
      for (const [name, path] of Object.entries(PUBLIC_PAGES)) await shoot(name, path);
      // Alice (an admin) in session mode, Bob in JWT mode: both at once, as the app allows.
      for (const mode of ["session", "jwt"]) await (index === 0 ? makeTraffic(page, mode) : logIn(page, mode));
      labPath ??= await runStolenCredentialLab(page);
      await shoot("session-dashboard", "/session/dashboard");
      await shoot("session-devices", "/session/devices");
      await shoot("jwt-dashboard", "/jwt/dashboard");
      await shoot("jwt-inspector", "/jwt/inspect");
      await shoot("compare", "/compare");
      await shoot("flows", "/flows");
      await shoot("labs", "/labs");
      if (labPath) await shoot("stolen-credential-lab", labPath);
      await shoot("admin", "/admin");
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

async function logIn(page, mode) {
  await page.goto(`/${mode}/login`);
  await page.getByLabel("E-mail").fill(USERS[mode].email);
  await page.getByLabel("Password").fill(USERS[mode].password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL(`**/${mode}/dashboard`);
}

/** A login through the real form, then the pages and API calls a visitor would make. */
async function makeTraffic(page, mode) {
  await logIn(page, mode);
  for (let i = 0; i < 3; i++) {
    await page.goto(`/${mode}/dashboard`);
    await page.goto(`/${mode}/inspect`);
  }
  for (let i = 0; i < 20; i++) await expectOk(await page.request.get(`/api/${mode}/me`));
  // A rotation, so the Set-Cookie row has a refresh in it too (the refresh cookie goes only here).
  if (mode === "jwt") await expectOk(await page.request.post("/api/jwt/refresh"));
}

/** The address of a fresh result of the lab, when this build has the labs; null when it has none. */
async function runStolenCredentialLab(page) {
  const response = await page.goto("/labs/stolen-credential");
  if (!response?.ok()) return null;
  await page.getByRole("button", { name: "Run the lab" }).click();
  await page.waitForURL(/\/labs\/stolen-credential\?run=/, { timeout: 60_000 });
  const url = new URL(page.url());
  return url.pathname + url.search;
}

async function expectOk(response) {
  if (!response.ok()) throw new Error(`${response.url()} answered ${response.status()}`);
}

async function startApp() {
  const port = process.env.SCREENSHOTS_PORT ?? "3200";
  const env = {
    ...process.env,
    PORT: port,
    NEXT_TELEMETRY_DISABLED: "1",
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    JWT_SECRET: randomBytes(32).toString("base64url"),
    JWT_KEY_ENCRYPTION_SECRET: randomBytes(32).toString("base64url"),
  };
  if (!process.argv.includes("--skip-build")) {
    const { code } = await runCommand("npx", ["next", "build"], env);
    if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  }
  const database = await createFreshDatabase({ name: "screenshots" });
  // Its own process group, so stopping it stops `next start` under it too, and nothing else.
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start/main.ts", "--skip-build"], {
    // A fresh database is not the SQLite default: the demo users it logs in as must be asked for.
    env: { ...env, DATABASE_URL: database.url, DEMO_USERS: "true" },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  // Ctrl-C ends this script through process.exit (run-command.ts): take the server along.
  const killServer = () => server.exitCode === null && process.kill(-server.pid, "SIGTERM");
  process.on("exit", killServer);
  const url = `http://localhost:${port}`;
  const stop = async () => {
    process.off("exit", killServer);
    if (server.exitCode === null) {
      process.kill(-server.pid, "SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
    }
    await database.drop();
  };
  try {
    await waitUntilServing(url, server);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

async function waitUntilServing(url, server, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited (code ${server.exitCode}) before serving`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer at ${url} within ${timeoutMs / 1000} s`);
}

// `npm start`: secrets → migrate → seed → build → serve, from a fresh clone, in one command.
//   node --import tsx scripts/start/main.ts [--dev] [--skip-build] [--prepare-only]
//   --dev         `next dev` instead of build + `next start`
//   --skip-build  serve the existing .next build (the test orchestrator builds once)
//   --prepare-only  secrets, migrate, seed and build, then exit (`npm run fleet` serves itself)
// Honours PORT (default 3000), DATABASE_URL (unset: SQLite file at ./.data/dev.db) and HOST
// (default 127.0.0.1: loopback only; anything else is explained, and refused while demo users
// with published passwords exist: scripts/check-exposure.ts).
// One process (node with tsx as a loader, not the tsx CLI), so Ctrl-C and Playwright's SIGTERM
// reach it; it passes them on to the step running, `next start` included (package-bin.ts).
import { existsSync, mkdirSync } from "node:fs";
import { packageBinCommand } from "../run-command/package-bin.ts";
import { isStopping, runCommand } from "../run-command/run-command.ts";
import { ensureLocalSecrets } from "./local-secrets.ts";

const ENV_FILE = ".env.local";

const args = process.argv.slice(2);
const dev = args.includes("--dev");
const skipBuild = args.includes("--skip-build") || dev;
const prepareOnly = args.includes("--prepare-only");
const port = process.env.PORT || "3000";
// Loopback unless asked: the demo seeds an admin whose password is published. Next's own
// default is every interface.
const host = process.env.HOST || "127.0.0.1";

const generated = ensureLocalSecrets(ENV_FILE);
if (generated.length > 0) console.log(`start: generated ${generated.join(", ")} into ${ENV_FILE} (local only, git-ignored)`);
// The prisma CLI and seed script don't read .env files, so load it for every child.
// process.loadEnvFile keeps variables that are already set: the real environment wins.
if (existsSync(ENV_FILE)) process.loadEnvFile(ENV_FILE);
ensureSqliteFolder();
// The local demo (no NODE_ENV=production from the caller) gets its labs; a deployment gets
// none unless it asks with DEMO_MODE=true.
if (process.env.NODE_ENV !== "production") process.env.DEMO_MODE ??= "true";

await step("prisma migrate deploy", "prisma", ["migrate", "deploy"]);
// Before the seed and the build: says what a non-loopback HOST exposes, and stops there while
// published demo passwords would open the door (silent on loopback).
await step("exposure check", "tsx", ["--conditions=react-server", "scripts/check-exposure.ts"]);
// Always run: the seed decides (lib/demo-users.ts — only the embedded SQLite default, or
// DEMO_USERS=true) and prints what it decided and why.
await step("prisma db seed", "prisma", ["db", "seed"]);
if (!skipBuild) await step("next build", "next", ["build"]);
if (prepareOnly) process.exit(0);
// Next prints a "Network" address too, where the Secure cookies would be silently dropped over
// plain HTTP (the login pages warn about it); the address to use comes first and plainly.
console.log(`\nstart: open http://localhost:${port} — use localhost (over plain HTTP, logins are refused on any other address: the cookies are Secure and the password would cross the network unencrypted)\n`);
await step(dev ? "next dev" : "next start", "next", [dev ? "dev" : "start", "-p", port, "-H", host]);

// SQLite creates its file but not the folder around it.
function ensureSqliteFolder(): void {
  const url = process.env.DATABASE_URL ?? "";
  if (url === "" || url.startsWith("file:./.data/")) mkdirSync(".data", { recursive: true });
}

/** Runs one package's bin as `npx` would; a failure ends this script with one clear line. */
async function step(label: string, pkg: string, binArgs: string[]): Promise<void> {
  const { command, args, env } = packageBinCommand(pkg, binArgs);
  const { code } = await runCommand(command, args, env);
  // Stopped because we were asked to (Ctrl-C, Playwright's SIGTERM): a shutdown, not a failure.
  if (isStopping()) process.exit(0);
  if (code !== 0) {
    console.error(`start: "${label}" failed (exit ${code}); see its output above`);
    process.exit(1);
  }
}

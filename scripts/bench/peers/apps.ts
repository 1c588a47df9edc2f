// The peer apps: each template copied to a directory outside the repo, its pinned versions
// installed from the npm registry, built with `next build` and started with `next start`.
// What every peer app has alike (the open route, the health and query-count routes, the counted
// database) is in apps/shared/, copied in first. A built copy is kept per template content
// (os.tmpdir()/svj-bench-peers/<app>-<hash>) and reused by the next run; a change gets a new one.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { StartedServer } from "../http/servers.ts";

const TEMPLATES = join(dirname(fileURLToPath(import.meta.url)), "apps");
const SHARED = join(TEMPLATES, "shared");
const children: StartedServer["child"][] = [];
process.on("exit", () => children.forEach((child) => signalGroup(child, "SIGKILL")));

export type Prepared = { dir: string; versions: Record<string, string> } | { error: string };

/**
 * better-sqlite3 compiles a native module on install (or downloads a prebuilt one from GitHub).
 * Neither: the install skips scripts and the peer gets the module this repo already built, of
 * the same version (the template pins it to ours), for this same Node.
 */
function ourBetterSqlite(): { dir: string; version: string } | null {
  for (const dir of ["node_modules/better-sqlite3", "node_modules/@prisma/adapter-better-sqlite3/node_modules/better-sqlite3"]) {
    if (existsSync(join(dir, "build/Release/better_sqlite3.node"))) return { dir, version: readJson(join(dir, "package.json")).version };
  }
  return null;
}

export function preparePeerApp(app: string, log: (line: string) => void): Prepared {
  const template = join(TEMPLATES, app);
  const dir = join(tmpdir(), "svj-bench-peers", `${app}-${templateHash([SHARED, template])}`);
  const pinned = readJson(join(template, "package.json")).dependencies as Record<string, string>;
  if (existsSync(join(dir, ".next/BUILD_ID"))) {
    log(`${app}: reusing the build in ${dir}`);
    return { dir, versions: installedVersions(dir, pinned) };
  }
  const sqlite = ourBetterSqlite();
  if (!sqlite) return { error: "no built better-sqlite3 in this repo's node_modules (run npm ci first)" };
  if (sqlite.version !== pinned["better-sqlite3"]) return { error: `the template pins better-sqlite3 ${pinned["better-sqlite3"]}, this repo has ${sqlite.version}: pin the same` };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(SHARED, dir, { recursive: true });
  cpSync(template, dir, { recursive: true });
  log(`${app}: npm install in ${dir} (${Object.entries(pinned).map(([name, version]) => `${name}@${version}`).join(", ")})`);
  const install = run("npm", ["install", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=warn"], dir);
  const engineWarnings = install.output.split("\n").filter((line) => line.includes("EBADENGINE"));
  if (install.status !== 0) return { error: `npm install failed (exit ${install.status}): ${lastLines(install.output)}` };
  cpSync(join(sqlite.dir, "build"), join(dir, "node_modules/better-sqlite3/build"), { recursive: true });
  log(`${app}: next build`);
  const build = run(process.execPath, ["node_modules/next/dist/bin/next", "build"], dir);
  if (build.status !== 0) {
    const engines = engineWarnings.length > 0 ? ` npm warned: ${engineWarnings.slice(0, 3).join("; ")}.` : "";
    return { error: `next build failed on Node ${process.versions.node}.${engines} ${lastLines(build.output)}` };
  }
  if (engineWarnings.length > 0) log(`${app}: built, though npm warned: ${engineWarnings.join("; ")}`);
  return { dir, versions: installedVersions(dir, pinned) };
}

/** Runs the template's setup.js (schema and the bench user) against this server's database file. */
export function setUpPeerDatabase(dir: string, env: NodeJS.ProcessEnv, user: { email: string; password: string }): string | null {
  const setup = run(process.execPath, ["setup.js", user.email, user.password], dir, { ...env, PEER_SETUP: "1" });
  return setup.status === 0 ? null : `setup failed: ${lastLines(setup.output)}`;
}

export function startPeerServer({ name, dir, port, env, logDir }: { name: string; dir: string; port: number; env: NodeJS.ProcessEnv; logDir: string }): StartedServer {
  const log = join(logDir, `${name}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  children.push(child);
  return { name, origin: `http://127.0.0.1:${port}`, instances: [], log, child };
}

export async function stopPeerServers(): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  running.forEach((child) => signalGroup(child, "SIGTERM"));
  const force = setTimeout(() => running.forEach((child) => signalGroup(child, "SIGKILL")), 5000);
  await Promise.all(exited);
  clearTimeout(force);
}

function signalGroup(child: StartedServer["child"], signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone: nothing left to stop.
  }
}

function installedVersions(dir: string, pinned: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(pinned).map((name) => [name, readJson(join(dir, "node_modules", name, "package.json")).version]));
}

function templateHash(templates: string[]): string {
  const hash = createHash("sha256");
  for (const template of templates) {
    for (const file of listFiles(template)) hash.update(relative(TEMPLATES, file)).update(readFileSync(file));
  }
  return hash.digest("hex").slice(0, 12);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]));
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }) {
  const result = spawnSync(command, args, { cwd, env, encoding: "utf8", maxBuffer: 64 << 20 });
  return { status: result.status ?? 1, output: `${result.stdout ?? ""}${result.stderr ?? ""}${result.error ? String(result.error) : ""}` };
}

/** The error's own line when there is one (a stack's tail says nothing), else the last lines. */
function lastLines(text: string): string {
  const lines = text.trim().split("\n");
  const error = lines.find((line) => /^\w*Error\b|\bERR_|error:/i.test(line.trim()));
  return error ? error.trim() : lines.slice(-6).join(" | ");
}

function readJson(file: string): { version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(file, "utf8"));
}

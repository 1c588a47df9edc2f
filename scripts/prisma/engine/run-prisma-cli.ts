// Test helper: runs the real prisma CLI from the project root, always through the stand-in
// engine (also where a native engine is installed: these tests are about the stand-in).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const standInEngine = path.join(projectRoot, "scripts", "prisma", "engine", "schema-engine.mjs");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");

export type CliResult = { code: number; output: string };

/** `prisma <args>` with DATABASE_URL set (or unset, for the SQLite default) in `cwd`. */
export function runPrisma(
  args: string[],
  { databaseUrl, cwd = projectRoot }: { databaseUrl?: string; cwd?: string },
): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: standInEngine };
  delete env.DEBUG;
  if (databaseUrl === undefined) delete env.DATABASE_URL;
  else env.DATABASE_URL = databaseUrl;
  return runNode([prismaCli, ...args], { cwd, env });
}

/** Runs a Node script, collecting stdout and stderr in arrival order. */
export function runNode(args: string[], { cwd, env }: { cwd: string; env: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, output }));
  });
}

/** A readable assertion message: the command's exit code and everything it printed. */
export const describeRun = (what: string, { code, output }: CliResult): string => `${what} exited ${code}:\n${output}`;

/**
 * What a full `migrate deploy` must leave behind, read from the committed schema and history so
 * that adding a model or a migration does not mean editing these tests: one table per model
 * (plus Prisma's own), one `_prisma_migrations` row per committed migration.
 */
export function expectedTables(): string[] {
  const models = readFileSync(path.join(projectRoot, "prisma", "models.prisma"), "utf8");
  return [...models.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!).concat("_prisma_migrations").sort();
}

export function committedMigrationCount(provider: "sqlite" | "postgres"): number {
  const folder = path.join(projectRoot, "prisma", provider, "migrations");
  return readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql"))).length;
}

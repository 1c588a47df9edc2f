// What `npx <bin>` runs, without npx in between: node and the installed package's bin script.
// npx (npm exec) starts the bin through a shell and does not pass SIGTERM on to it, so a server
// started with `npx next start` outlived an `npm start` that was told to stop (issue 19). Run this
// way, the signal run-command.ts forwards reaches the process that does the work.
import { readFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";

export interface PackageBinCommand {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * `npx <bin> ...args` for a package installed in the project (run from the project root).
 * node_modules/.bin goes first on PATH, as npx puts it, for what the bin starts in turn (the
 * seed command `prisma db seed` runs is `tsx …`).
 */
export function packageBinCommand(pkg: string, args: string[], env: NodeJS.ProcessEnv = process.env): PackageBinCommand {
  const bins = resolve("node_modules", ".bin");
  const path = [bins, env.PATH].filter(Boolean).join(delimiter);
  return { command: process.execPath, args: [packageBinScript(pkg), ...args], env: { ...env, PATH: path } };
}

/** The script a package names as its bin (`"bin": "x.js"` or `"bin": { "<package>": "x.js" }`). */
export function packageBinScript(pkg: string, root: string = process.cwd()): string {
  const manifestPath = join(root, "node_modules", pkg, "package.json");
  const { bin } = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: string | Record<string, string> };
  const script = typeof bin === "string" ? bin : bin?.[pkg];
  if (!script) throw new Error(`${pkg} names no bin "${pkg}" in ${manifestPath}`);
  return resolve(dirname(manifestPath), script);
}

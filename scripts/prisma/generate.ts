// npm `postinstall`: generates the Prisma client for BOTH schema folders. lib/db.ts picks one from
// DATABASE_URL at run time, so one install serves SQLite and PostgreSQL without regenerating.
// prisma.config.ts is loaded by each run, so an offline machine gets the stand-in schema engine.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const SCHEMA_FOLDERS = ["sqlite", "postgres"];

for (const folder of SCHEMA_FOLDERS) {
  const started = Date.now();
  const { code, output } = await run(process.execPath, [prismaCli, "generate", "--schema", `prisma/${folder}`]);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code !== 0) {
    // Loud on purpose: without a generated client the app cannot start, so the install must fail.
    process.stderr.write(`${output}\nprisma generate failed for prisma/${folder} (exit code ${code})\n`);
    process.exit(code || 1);
  }
  console.log(`prisma client (${folder}) generated into lib/generated/${folder} in ${seconds}s`);
}

/** Runs a command from the project root, keeping stdout and stderr together for a failure report. */
function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", (error) => resolve({ code: 1, output: `${output}${error.message}` }));
    child.on("close", (code, signal) => resolve({ code: code ?? 1, output: signal ? `${output}killed by ${signal}` : output }));
  });
}

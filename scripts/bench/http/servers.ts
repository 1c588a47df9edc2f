// The servers under test: one `next start` per configuration, or one `npm run fleet` per
// configuration with --fleet. All are started at once (an idle server costs memory, not CPU)
// and stopped together; each one's output goes to a log file, shown when it fails.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { join } from "node:path";

export interface StartedServer {
  name: string;
  origin: string;
  instances: string[];
  log: string;
  child: ChildProcess;
}

const children: ChildProcess[] = [];
// A crash must not leave servers behind on the bench's ports (they run in their own groups).
process.on("exit", () => children.forEach((child) => child.exitCode === null && child.signalCode === null && signalGroup(child, "SIGKILL")));

export function startServer({ name, port, env, logDir, fleetSize = 0 }: { name: string; port: number; env: NodeJS.ProcessEnv; logDir: string; fleetSize?: number }): StartedServer {
  const log = join(logDir, `${name}.log`);
  const out = createWriteStream(log);
  // The fleet through `node --import tsx`, not the tsx CLI: one process, the group leader here.
  const [command, args] = fleetSize
    ? [process.execPath, ["--import", "tsx", "scripts/fleet/main.ts", "--skip-build"]]
    : ["npx", ["next", "start", "-p", String(port)]];
  // detached: its own process group, so stopping it also stops what it started (fleet → next).
  const child = spawn(command, args, { env: { ...env, PORT: String(port), ...(fleetSize ? { FLEET_SIZE: String(fleetSize) } : {}) }, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  children.push(child);
  const instances = Array.from({ length: fleetSize }, (_, index) => `http://127.0.0.1:${port + index + 1}`);
  return { name, origin: `http://127.0.0.1:${port}`, instances, log, child };
}

/** Resolves when /api/health answers on every address; rejects with the log's tail otherwise. */
export async function waitUntilHealthy(server: StartedServer, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const origin of [...server.instances, server.origin]) {
    while (true) {
      if (server.child.exitCode !== null) throw new Error(`${server.name} exited (${server.child.exitCode}):\n${tail(server.log)}`);
      if (Date.now() > deadline) throw new Error(`${server.name} not healthy at ${origin} within ${timeoutMs / 1000} s:\n${tail(server.log)}`);
      try {
        const response = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (response.ok) break;
      } catch {
        // Not listening yet: a production server takes seconds to start on a busy machine.
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-25).join("\n");
  } catch {
    return "(no log)";
  }
}

/** SIGTERM to every server's process group; SIGKILL for any still there after 5 s. */
export async function stopServers(): Promise<void> {
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once("exit", resolve)));
  for (const child of running) signalGroup(child, "SIGTERM");
  const force = setTimeout(() => running.forEach((child) => signalGroup(child, "SIGKILL")), 5000);
  await Promise.all(exited);
  clearTimeout(force);
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return; // never started: nothing to signal
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone: nothing left to stop.
  }
}

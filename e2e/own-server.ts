import { spawn } from "node:child_process";
import { expect } from "@playwright/test";

/**
 * A second server for the specs that need settings the shared one must not have (a hashing
 * budget of four, a sign-up cap of two, no demo users): `npm start` on the same build, on a port
 * of its own, its output kept for the assertions. Started in a process group of its own, so
 * stopping it stops everything it started, whatever passes signals on and whatever does not.
 */

export interface OwnServer {
  url: string;
  output: () => string;
  /** Sends SIGTERM to `npm start`'s process group, unless `npm start` has exited; waits for its exit. */
  stop: () => Promise<void>;
  /** `npm start`'s own pid, which is also its process group's id. */
  pid: number;
  /** Its exit code (null after a signal it did not handle). */
  exited: Promise<number | null>;
}

/** How `npm start` ended: its exit code and everything it printed. */
export interface StartRun {
  code: number | null;
  output: string;
}

function startProcess(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start/main.ts", "--skip-build"], {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/**
 * `npm start` that is expected to stop by itself (a refusal): how it ended. One that is still
 * running after `limitMs` is stopped (and reported with code null), never left listening.
 */
export async function runStart(env: Record<string, string>, limitMs = 150_000): Promise<StartRun> {
  const run = startProcess(env);
  const limit = setTimeout(() => process.kill(-run.child.pid!, "SIGTERM"), limitMs);
  const code = await run.exited;
  clearTimeout(limit);
  return { code, output: run.output() };
}

/** `npm start` on `port` with `env` on top of this worker's; resolves once /api/health answers. */
export async function startOwnServer(port: number, env: Record<string, string>): Promise<OwnServer> {
  const run = startProcess({ PORT: String(port), ...env });
  const url = `http://localhost:${port}`;
  let exitedEarly = false;
  void run.exited.then(() => (exitedEarly = true));
  const stop = async () => {
    if (!exitedEarly) process.kill(-run.child.pid!, "SIGTERM");
    await run.exited;
  };
  try {
    await expect(async () => {
      expect(exitedEarly, `npm start exited:\n${run.output()}`).toBe(false);
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
    }).toPass({ timeout: 120_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: run.output, stop, pid: run.child.pid!, exited: run.exited };
}

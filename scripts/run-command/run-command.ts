// Runs one child at a time with its output streamed, and passes Ctrl-C / SIGTERM on to it, so
// stopping `npm start` or `npm test` (or Playwright stopping its webServer) stops the child too.
// Shared by the test runner, `npm start` and the screenshots script.
import { spawn, type ChildProcess } from "node:child_process";

/** The child we are waiting on, if any. */
let current: ChildProcess | null = null;
let stopping = false;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    if (current) current.kill(signal);
    else process.exit(130);
  });
}

/** True once we were asked to stop: callers start nothing new and don't call that a failure. */
export function isStopping(): boolean {
  return stopping;
}

/**
 * The signal reaches `command` itself, not what that starts in turn: run a long-lived server as
 * the process that serves (package-bin.ts), not through npx, which does not pass it on.
 * @returns the exit code; 1 for a signal or a failure to start
 */
export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ code: number }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    current = child;
    child.on("error", (error) => {
      console.error(`${command}: could not start: ${error.message}`);
      resolve({ code: 1 });
    });
    child.on("close", (code) => {
      current = null;
      resolve({ code: code ?? 1 });
    });
  });
}

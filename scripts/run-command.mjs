// Runs one child at a time with its output streamed, and passes Ctrl-C / SIGTERM on to it, so
// stopping `npm start` or `npm test` (or Playwright stopping its webServer) stops the child too.
import { spawn } from "node:child_process";

/** The child we are waiting on, if any. */
let current = null;
let stopping = false;

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (current) current.kill(signal);
    else process.exit(130);
  });
}

/** True once we were asked to stop: callers start nothing new and don't call that a failure. */
export function isStopping() {
  return stopping;
}

/**
 * @param {string} command
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ code: number }>} the exit code; 1 for a signal or a failure to start
 */
export function runCommand(command, args, env = process.env) {
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

// The fleet's processes: started with their output prefixed, restarted when an instance crashes
// (restart-policy.mjs decides when, and when to give up), all stopped together on Ctrl-C /
// SIGTERM, on a crash loop, or when a process that cannot be replaced (HAProxy) exits.
import { spawn } from "node:child_process";
import { createRestartPolicy, DEFAULT_RESTART_POLICY } from "./restart-policy.mjs";

/** How long a (re)started instance may take to answer its health check; `next start` on a busy 2-core machine takes seconds. */
const HEALTHY_WITHIN_MS = 120_000;

/**
 * @param {{ policy?: import("./restart-policy.mjs").RestartPolicy, log?: (line: string) => void, exit?: (code: number) => void }} [options]
 */
export function createSupervisor({ policy = DEFAULT_RESTART_POLICY, log = (line) => console.log(line), exit = (code) => process.exit(code) } = {}) {
  /** @type {Set<import("node:child_process").ChildProcess>} */
  const running = new Set();
  const timers = new Set();
  let stopping = false;
  let serving = false;

  /** Output of every process, line by line, prefixed with its name. */
  function spawnPrefixed(name, command, args, env) {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding("utf8");
      stream.on("data", (text) => process.stdout.write(text.replace(/^(?=.)/gm, `[${name}] `)));
    }
    running.add(child);
    child.on("exit", () => running.delete(child));
    return child;
  }

  /**
   * An app instance: restarted after a crash once the fleet is serving. Before that, an exit
   * is a configuration problem (a missing secret, a port in use) that a restart cannot fix.
   * @param {{ name: string, command: string, args: string[], env: NodeJS.ProcessEnv, healthUrl: string }} instance
   * @returns {Promise<void>} resolves once the first process answers its health check
   */
  function startInstance({ name, command, args, env, healthUrl }) {
    const restarts = createRestartPolicy(name, policy);
    const launch = () => {
      restarts.started(Date.now());
      const child = spawnPrefixed(name, command, args, env);
      child.on("exit", (code, signal) => {
        if (stopping) return;
        const how = signal ?? `exit ${code}`;
        if (!serving) return stop(1, `${name} exited (${how}) while the fleet was starting`);
        const decision = restarts.exited(Date.now(), how);
        if (decision.action === "stop") return stop(1, decision.reason);
        log(`fleet: ${name} exited (${how}); restart ${decision.crashes} in this window, in ${decision.delayMs} ms — the balancer sends its traffic to the others meanwhile`);
        later(decision.delayMs, () => {
          const started = Date.now();
          const next = launch();
          waitForHealth(healthUrl, next).then((healthy) => {
            if (stopping || next.exitCode !== null || next.signalCode !== null) return;
            if (healthy) return log(`fleet: ${name} is healthy again after ${((Date.now() - started) / 1000).toFixed(1)} s; HAProxy's health check puts it back in rotation`);
            // Up but never healthy is a crash too: the policy counts it on the exit that follows.
            log(`fleet: ${name} did not answer its health check within ${HEALTHY_WITHIN_MS / 1000} s; killing it`);
            next.kill("SIGKILL");
          });
        });
      });
      return child;
    };
    const first = launch();
    return waitForHealth(healthUrl, first).then((healthy) => {
      if (!healthy && !stopping) stop(1, `${name} did not become healthy at ${healthUrl} within ${HEALTHY_WITHIN_MS / 1000} s`);
    });
  }

  /** A process the fleet cannot run without and does not replace (the balancer). */
  function startEssential(name, command, args, env) {
    spawnPrefixed(name, command, args, env).on("exit", (code, signal) => {
      if (!stopping) stop(1, `${name} exited (${signal ?? `exit ${code}`}); the fleet cannot serve without it`);
    });
  }

  async function waitForHealth(url, child) {
    const deadline = Date.now() + HEALTHY_WITHIN_MS;
    while (Date.now() < deadline && !stopping && child.exitCode === null && child.signalCode === null) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        if (response.ok) return true;
      } catch {
        // Not listening yet: `next start` takes a few seconds on a busy machine.
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }

  function later(ms, run) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopping) run();
    }, ms);
    timers.add(timer);
  }

  /** Stops every process (SIGTERM, then SIGKILL after 5 s), then exits with `code`. */
  function stop(code, reason) {
    if (stopping) return;
    stopping = true;
    if (reason) console.error(`fleet: ${reason}; stopping the fleet`);
    for (const timer of timers) clearTimeout(timer);
    const children = [...running];
    for (const child of children) child.kill("SIGTERM");
    // `next start` closes its connections on SIGTERM; give it a moment, then insist.
    const force = setTimeout(() => children.forEach((child) => child.kill("SIGKILL")), 5000);
    Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((resolve) => child.once("exit", resolve))))).then(() => {
      clearTimeout(force);
      exit(code);
    });
  }

  return {
    startInstance,
    startEssential,
    /** Every instance answered: from now on an exit is a crash to restart, not a failed start. */
    markServing() {
      serving = true;
    },
    stop,
    isStopping: () => stopping,
  };
}

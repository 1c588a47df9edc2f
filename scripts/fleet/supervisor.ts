// The fleet's processes: started with their output prefixed, restarted when an instance crashes
// (restart-policy.ts decides when, and when to give up), all stopped together on Ctrl-C /
// SIGTERM, on a crash loop, or when a process that cannot be replaced (HAProxy) exits.
import { spawn, type ChildProcess } from "node:child_process";
import { createRestartPolicy, DEFAULT_RESTART_POLICY, type RestartPolicy } from "./restart-policy.ts";

export interface InstanceSpec {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  healthUrl: string;
}

export interface Supervisor {
  startInstance(spec: InstanceSpec): Promise<void>;
  startEssential(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): void;
  /** Every instance answered: from now on an exit is a crash to restart, not a failed start. */
  markServing(): void;
  stop(code: number, reason?: string): void;
  isStopping(): boolean;
}

/** How long a (re)started instance may take to answer its health check; `next start` on a busy 2-core machine takes seconds. */
const HEALTHY_WITHIN_MS = 120_000;

export function createSupervisor({
  policy = DEFAULT_RESTART_POLICY,
  log = (line) => console.log(line),
  exit = (code) => process.exit(code),
}: { policy?: Readonly<RestartPolicy>; log?: (line: string) => void; exit?: (code: number) => void } = {}): Supervisor {
  const running = new Set<ChildProcess>();
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;
  let serving = false;

  /** Output of every process, line by line, prefixed with its name. */
  function spawnPrefixed(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      stream.setEncoding("utf8");
      stream.on("data", (text: string) => process.stdout.write(text.replace(/^(?=.)/gm, `[${name}] `)));
    }
    running.add(child);
    child.on("exit", () => running.delete(child));
    return child;
  }

  /**
   * An app instance: restarted after a crash once the fleet is serving. Before that, an exit
   * is a configuration problem (a missing secret, a port in use) that a restart cannot fix.
   * Resolves once the first process answers its health check.
   */
  function startInstance({ name, command, args, env, healthUrl }: InstanceSpec): Promise<void> {
    const restarts = createRestartPolicy(name, policy);
    const launch = (): ChildProcess => {
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
  function startEssential(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): void {
    spawnPrefixed(name, command, args, env).on("exit", (code, signal) => {
      if (!stopping) stop(1, `${name} exited (${signal ?? `exit ${code}`}); the fleet cannot serve without it`);
    });
  }

  async function waitForHealth(url: string, child: ChildProcess): Promise<boolean> {
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

  function later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!stopping) run();
    }, ms);
    timers.add(timer);
  }

  /** Stops every process (SIGTERM, then SIGKILL after 5 s), then exits with `code`. */
  function stop(code: number, reason?: string): void {
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
    markServing() {
      serving = true;
    },
    stop,
    isStopping: () => stopping,
  };
}

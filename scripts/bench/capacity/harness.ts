// What the bench's own tools cost per request: wrk (the load generator bench:http uses) and
// HAProxy (the fleet's balancer, configured as scripts/fleet/haproxy-config.ts configures it).
// On the 2-core bench machine they share the cores with the app, so predicting bench:http's
// figures needs their CPU per request; a production fleet has neither on its app hosts.
// The backends answer after a pause, so the rate is bench:http's (about 1,000 req/s), not the
// far higher one an empty answer allows: per-request costs depend on the rate.
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { haproxyConfig } from "../../fleet/haproxy-config.ts";
import { parseWrkOutput, wrkArgs } from "../http/wrk.ts";
import { processCpuMicros } from "./proc-cpu.ts";

const ANSWER_AFTER_MS = 12;
const BODY = JSON.stringify({ ok: true, instance: "bench", note: "a body the size of /api/bench/baseline's" });

function backend(port: number): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === "/api/health") return void response.end("{}");
    setTimeout(() => response.writeHead(200, { "content-type": "application/json" }).end(BODY), ANSWER_AFTER_MS);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

/** Runs a process to its end, reading its CPU from /proc as it goes (the last reading is its total). */
async function runMeasured(command: string, args: string[], watchAlso: number[] = []) {
  const before = watchAlso.map((pid) => processCpuMicros(pid));
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  let own = 0;
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    own = processCpuMicros(child.pid!) ?? own;
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  const status = await exited;
  if (status !== 0) throw new Error(`${command} exited ${status}: ${output.slice(-400)}`);
  const others = watchAlso.map((pid, index) => {
    const [start, end] = [before[index], processCpuMicros(pid)];
    return start != null && end != null ? end - start : null;
  });
  return { output, ownCpuMicros: own, othersCpuMicros: others };
}

export interface HarnessCosts {
  rps: number;
  wrkCpuMicrosPerRequest: number;
  haproxyCpuMicrosPerRequest: number | null;
}

/** Ports: `port` (HAProxy), the two after it (the backends), and the one after those (HAProxy's stats). */
export async function measureHarness({ port, seconds }: { port: number; seconds: number }): Promise<HarnessCosts> {
  const instances = [{ name: "app-1", port: port + 1 }, { name: "app-2", port: port + 2 }];
  const servers = await Promise.all(instances.map((instance) => backend(instance.port)));
  const config = join(mkdtempSync(join(tmpdir(), "svj-capacity-haproxy-")), "haproxy.cfg");
  writeFileSync(config, haproxyConfig({ port, statsPort: port + 3, instances }));
  const haproxy = spawn("haproxy", ["-f", config], { stdio: "ignore" });
  try {
    // HAProxy is up once it answers through to a backend.
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/warm`)).ok) break;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`HAProxy did not answer on port ${port} within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const run = await runMeasured("wrk", wrkArgs({ url: `http://127.0.0.1:${port}/api/bench/baseline`, connections: 16, threads: 1, seconds }), [haproxy.pid!]);
    const result = parseWrkOutput(run.output);
    return {
      rps: result.rps,
      wrkCpuMicrosPerRequest: run.ownCpuMicros / result.requests,
      haproxyCpuMicrosPerRequest: run.othersCpuMicros[0] != null ? run.othersCpuMicros[0] / result.requests : null,
    };
  } finally {
    haproxy.kill("SIGTERM");
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}

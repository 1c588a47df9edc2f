// Redis, as the app uses it: a private redis-server (never a shared one: the bench would load
// it), redis-benchmark sending the app's own commands (the login throttle's Lua script, its
// ZREM, the check cache's PUBLISH), and the cost of one PUBLISH as the number of subscribed
// instances grows — every instance holds one subscription to the invalidation channel.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { processCpuMicros } from "./proc-cpu.ts";

export interface RedisServer {
  port: number;
  pid: number;
  version: string;
  stop(): Promise<void>;
}

export async function startRedis(port: number): Promise<RedisServer> {
  const child: ChildProcess = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--maxclients", "4000"], { stdio: "ignore" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 10_000;
  let client: Redis;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server on port ${port} exited (${child.exitCode}): is the port taken? Choose another with --redis-port`);
    // One attempt per client: ioredis would otherwise keep retrying on its own.
    client = new Redis({ port, lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on("error", () => undefined);
    try {
      await client.connect();
      break;
    } catch {
      client.disconnect();
      if (Date.now() > deadline) {
        child.kill("SIGTERM");
        throw new Error(`redis-server on port ${port} did not answer within 10 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const info = await client.info("server");
  client.disconnect();
  // Another server already on the port would answer in our place (and ours would have exited).
  if (Number(/process_id:(\d+)/.exec(info)?.[1]) !== child.pid) {
    child.kill("SIGTERM");
    throw new Error(`port ${port} is taken by another redis-server: choose another with --redis-port`);
  }
  const version = /redis_version:(\S+)/.exec(info)?.[1] ?? "unknown";
  return {
    port, pid: child.pid!, version,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** redis-benchmark's --csv line → requests per second (the command itself may hold commas). */
export function parseRedisBenchmarkCsv(text: string): number {
  const last = text.trim().split("\n").at(-1) ?? "";
  const match = /"([\d.]+)","[\d.]+","[\d.]+","[\d.]+","[\d.]+","[\d.]+","[\d.]+"\s*$/.exec(last);
  if (!match) throw new Error(`unreadable redis-benchmark output:\n${text.slice(-400)}`);
  return Number(match[1]);
}

export interface RedisOpResult {
  rps: number;
  requests: number;
  /** redis-server's own CPU per command, from /proc. */
  serverCpuMicrosPerOp: number | null;
}

export function benchCommand(server: RedisServer, args: string[], { requests, clients }: { requests: number; clients: number }): RedisOpResult {
  const before = processCpuMicros(server.pid);
  const { stdout, stderr, status } = spawnSync("redis-benchmark", ["-p", String(server.port), "-n", String(requests), "-c", String(clients), "-r", "100000", "--csv", ...args], { encoding: "utf8" });
  if (status !== 0) throw new Error(`redis-benchmark ${args[0]} exited ${status}: ${stderr}`);
  const after = processCpuMicros(server.pid);
  return { rps: parseRedisBenchmarkCsv(stdout), requests, serverCpuMicrosPerOp: before !== null && after !== null ? (after - before) / requests : null };
}

export interface FanoutPoint extends RedisOpResult {
  subscribers: number;
  delivered: number;
}

/**
 * PUBLISH with `subscribers` connections listening (this process reads every message, as each
 * instance's subscriber does). Fewer publishes as subscribers grow: deliveries stay comparable.
 */
export async function benchFanout(server: RedisServer, channel: string, message: string, subscribers: number, deliveries: number): Promise<FanoutPoint> {
  const listeners: Redis[] = [];
  let delivered = 0;
  for (let i = 0; i < subscribers; i += 1) {
    const listener = new Redis({ port: server.port });
    listener.on("message", () => (delivered += 1));
    await listener.subscribe(channel);
    listeners.push(listener);
  }
  const requests = Math.max(2000, Math.round(deliveries / Math.max(1, subscribers)));
  // In a child process, so this one is free to read what the subscribers receive.
  const before = processCpuMicros(server.pid);
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("redis-benchmark", ["-p", String(server.port), "-n", String(requests), "-c", "16", "--csv", "PUBLISH", channel, message]);
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`redis-benchmark PUBLISH exited ${code}`))));
  });
  const after = processCpuMicros(server.pid);
  // Whatever is still in flight arrives before the count is read.
  const deadline = Date.now() + 10_000;
  while (delivered < requests * subscribers && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  for (const listener of listeners) listener.disconnect();
  return {
    subscribers, requests, delivered, rps: parseRedisBenchmarkCsv(output),
    serverCpuMicrosPerOp: before !== null && after !== null ? (after - before) / requests : null,
  };
}

/** Least squares through (subscribers, CPU per publish): the slope is one delivery's cost. */
export function perDeliveryMicros(points: { subscribers: number; serverCpuMicrosPerOp: number | null }[]): number | null {
  const usable = points.filter((point): point is { subscribers: number; serverCpuMicrosPerOp: number } => point.serverCpuMicrosPerOp !== null);
  if (usable.length < 2) return null;
  const meanX = usable.reduce((sum, point) => sum + point.subscribers, 0) / usable.length;
  const meanY = usable.reduce((sum, point) => sum + point.serverCpuMicrosPerOp, 0) / usable.length;
  const covariance = usable.reduce((sum, point) => sum + (point.subscribers - meanX) * (point.serverCpuMicrosPerOp - meanY), 0);
  const variance = usable.reduce((sum, point) => sum + (point.subscribers - meanX) ** 2, 0);
  return variance > 0 ? covariance / variance : null;
}

// What one operation of the app costs, counted as it runs in this process: the statements
// Prisma reports (its query events: text and parameters), the Redis commands the app sends
// (MONITOR; a Lua script's own calls apart) and those the server executes (INFO commandstats),
// and the CPU of the process (process.cpuUsage: every thread). Used by operations.ts.
import type { Redis } from "ioredis";
import { onDatabaseQuery } from "../../../lib/db.ts";
import { classifyStatement, type CapturedStatement } from "./statements.ts";

/** value → role: which parameter of a statement is the user's id, a new row's id, … */
export type Roles = Record<string, string>;

// MONITOR's feed trails the commands a little.
const MONITOR_SETTLE_MS = 200;

export interface Measured {
  samples: number;
  reads: number;
  writes: number;
  transactionControl: number;
  /** Per operation: commands the app sent (round trips), and all the server ran. */
  redisCommands: Record<string, number>;
  redisServerCommands: Record<string, number>;
  publishes: number;
  cpuMicros: number;
  /** The middle iteration's statements, each varying parameter named by its role. */
  statements: CapturedStatement[];
}

function rolesOf(params: unknown[], roles: Roles): Record<number, string> {
  const named: Record<number, string> = {};
  params.forEach((value, index) => {
    if (typeof value === "string" && Object.hasOwn(roles, value)) named[index] = roles[value]!;
  });
  return named;
}

function perOperation(after: Record<string, number>, before: Record<string, number>, count: number): Record<string, number> {
  const rates: Record<string, number> = {};
  for (const [command, calls] of Object.entries(after)) {
    const delta = calls - (before[command] ?? 0);
    // INFO and MONITOR are the bench asking, not the app.
    if (delta > 0 && command !== "info" && command !== "monitor") rates[command] = delta / count;
  }
  return rates;
}

export interface Capture {
  /** A new step of one operation (a login's password check, its issue, …): a transaction stays inside one. */
  nextStep(): void;
  /** Runs `once(i)` for i < count and measures the lot; `once` returns the roles of its values. */
  measure(count: number, once: (i: number) => Promise<Roles>): Promise<Measured>;
  close(): void;
}

export async function createCapture(redis: Redis | null): Promise<Capture> {
  let recording: CapturedStatement[] | null = null;
  let counts = { read: 0, write: 0, transaction: 0 };
  let step = 0;
  onDatabaseQuery((event) => {
    const { query = "", params = "[]" } = event as { query?: string; params?: string };
    counts[classifyStatement(query)] += 1;
    recording?.push({ sql: query, params: JSON.parse(params) as unknown[], roles: {}, step });
  });
  const sent: Record<string, number> = {};
  const monitor = redis ? await redis.monitor() : null;
  monitor?.on("monitor", (_time: string, args: string[], source: string) => {
    const command = String(args[0]).toLowerCase();
    if (source !== "lua") sent[command] = (sent[command] ?? 0) + 1;
  });
  const commandStats = async () => {
    const calls: Record<string, number> = {};
    if (redis) for (const match of (await redis.info("commandstats")).matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]!] = Number(match[2]);
    return calls;
  };

  return {
    nextStep: () => void (step += 1),
    async measure(count: number, once: (i: number) => Promise<Roles>): Promise<Measured> {
      const keptAt = Math.floor(count / 2);
      let kept: CapturedStatement[] = [];
      const [before, sentBefore] = [await commandStats(), { ...sent }];
      counts = { read: 0, write: 0, transaction: 0 };
      let cpu = 0;
      for (let i = 0; i < count; i += 1) {
        if (i === keptAt) recording = [];
        step += 1;
        const started = process.cpuUsage();
        const roles = await once(i);
        const used = process.cpuUsage(started);
        cpu += used.user + used.system;
        if (i === keptAt) {
          kept = recording!.map((statement) => ({ ...statement, roles: rolesOf(statement.params, roles) }));
          recording = null;
        }
      }
      const totals = counts;
      await new Promise((resolve) => setTimeout(resolve, MONITOR_SETTLE_MS));
      const redisCommands = perOperation(sent, sentBefore, count);
      return {
        samples: count,
        reads: totals.read / count,
        writes: totals.write / count,
        transactionControl: totals.transaction / count,
        redisCommands,
        redisServerCommands: perOperation(await commandStats(), before, count),
        publishes: redisCommands.publish ?? 0,
        cpuMicros: cpu / count,
        statements: kept,
      };
    },
    close: () => monitor?.disconnect(),
  };
}

// pgbench running one operation's statements as a custom script: how many of that operation
// the PostgreSQL primary on this machine completes per second, and the CPU its backends spent
// per operation (read from /proc for exactly the backends serving pgbench's connections).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { processCpuMicros } from "./proc-cpu.ts";

export interface PgbenchResult {
  tps: number;
  transactions: number;
  latencyMs: number;
  /** CPU of the PostgreSQL backends per transaction; null when /proc could not be read. */
  backendCpuMicrosPerTx: number | null;
}

/** pgbench's summary → numbers; throws when it is missing (a failed run must not become a zero). */
export function parsePgbenchOutput(text: string): Omit<PgbenchResult, "backendCpuMicrosPerTx"> {
  const tps = /^tps = ([\d.]+) \(without initial connection time\)/m.exec(text);
  const transactions = /^number of transactions actually processed: (\d+)/m.exec(text);
  const latency = /^latency average = ([\d.]+) ms/m.exec(text);
  if (!tps || !transactions || !latency) throw new Error(`unreadable pgbench output:\n${text.slice(-600)}`);
  const failed = /^number of failed transactions: (\d+)/m.exec(text);
  if (failed && Number(failed[1]) > 0) throw new Error(`pgbench: ${failed[1]} transactions failed:\n${text.slice(-600)}`);
  return { tps: Number(tps[1]), transactions: Number(transactions[1]), latencyMs: Number(latency[1]) };
}

export interface PgbenchRun {
  databaseUrl: string;
  script: string;
  name: string;
  seconds: number;
  clients: number;
  threads: number;
}

export async function runPgbench(run: PgbenchRun): Promise<PgbenchResult> {
  const file = join(mkdtempSync(join(tmpdir(), "svj-pgbench-")), `${run.name}.sql`);
  writeFileSync(file, run.script);
  const url = new URL(run.databaseUrl);
  const database = url.pathname.slice(1);
  const application = `svj-capacity-${run.name}`;
  // Extended protocol, as Prisma's driver adapter sends its statements (parse, bind, execute).
  const args = ["-n", "-M", "extended", "-c", String(run.clients), "-j", String(run.threads), "-T", String(run.seconds), "-f", file, database];
  const env = {
    ...process.env, PGHOST: url.hostname, PGPORT: url.port || "5432", PGUSER: decodeURIComponent(url.username) || "postgres",
    PGPASSWORD: decodeURIComponent(url.password), PGAPPNAME: application,
  };
  const watcher = new pg.Client({ connectionString: run.databaseUrl });
  await watcher.connect();
  const lastCpu = new Map<number, number>();
  const poll = async () => {
    const { rows } = await watcher.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = $2", [application, database]);
    for (const { pid } of rows) {
      const micros = processCpuMicros(pid);
      if (micros !== null) lastCpu.set(pid, micros);
    }
  };
  const child = spawn("pgbench", args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let running = true;
  void exited.then(() => (running = false));
  // Every 100 ms: a backend's CPU is cumulative, so the last reading before it goes is its total.
  while (running) {
    await poll().catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 100))]);
  }
  await watcher.end();
  const status = await exited;
  if (status !== 0) throw new Error(`pgbench ${run.name} exited ${status}:\n${output.slice(-800)}`);
  const parsed = parsePgbenchOutput(output);
  const cpu = [...lastCpu.values()].reduce((sum, micros) => sum + micros, 0);
  return { ...parsed, backendCpuMicrosPerTx: lastCpu.size > 0 && parsed.transactions > 0 ? cpu / parsed.transactions : null };
}

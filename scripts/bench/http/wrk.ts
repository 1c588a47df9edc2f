// wrk (https://github.com/wg/wrk) as the load generator: its arguments and its text output.
// Pure functions; main.ts runs the process.

export interface WrkResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p75Ms: number | null;
  p90Ms: number | null;
  p99Ms: number;
  non2xx: number;
  socketErrors: number;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "10.52ms" → 10.52; null for anything that is not a wrk duration. */
export function parseDurationMs(text: string): number | null {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  const unit = match?.[2] === undefined ? undefined : UNIT_MS[match[2]];
  return match && unit !== undefined ? Number(match[1]) * unit : null;
}

/**
 * wrk's `--latency` report → numbers. wrk counts 3xx as success, so callers must check the
 * status of a target themselves before trusting `rps` (a dashboard that redirects to the login
 * page would look fast). Throws when the summary lines are missing: a crashed or misused wrk
 * must not become a zero in a table.
 */
export function parseWrkOutput(text: string): WrkResult {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  const total = /^\s*(\d+) requests in ([\d.]+\w+),/m.exec(text);
  if (!rps || !total) throw new Error(`unreadable wrk output:\n${text.slice(0, 400)}`);
  const percentiles: Record<string, number | null> = {};
  for (const match of text.matchAll(/^\s+(50|75|90|99)(?:\.0+)?%\s+([\d.]+\w+)\s*$/gm)) {
    percentiles[match[1] as string] = parseDurationMs(match[2] as string);
  }
  const p50Ms = percentiles["50"];
  const p99Ms = percentiles["99"];
  const totalMs = parseDurationMs(total[2] as string);
  if (p50Ms == null || p99Ms == null) throw new Error("wrk output has no latency distribution (run it with --latency)");
  const non2xx = /^\s*Non-2xx or 3xx responses:\s+(\d+)/m.exec(text);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    requests: Number(total[1]),
    seconds: (totalMs ?? Number.NaN) / 1000,
    rps: Number(rps[1]),
    p50Ms,
    p75Ms: percentiles["75"] ?? null,
    p90Ms: percentiles["90"] ?? null,
    p99Ms,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: socket ? socket.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0,
  };
}

/** Arguments for one wrk run against one target. */
export function wrkArgs({ url, connections, threads, seconds, headers = {} }: { url: string; connections: number; threads: number; seconds: number; headers?: Record<string, string> }): string[] {
  const args = ["-t", String(threads), "-c", String(connections), "-d", `${seconds}s`, "--latency", "--timeout", "10s"];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  args.push(url);
  return args;
}

// `npm run bench:peers` options. Pure: argv in, settings out.
import { parseArgs } from "node:util";

export class PeersUsageError extends Error {}

export interface PeersOptions {
  rounds: number;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  threads: number;
  port: number;
  /** Only these configuration keys or apps ("ours", "better-auth", "authjs"); empty: all. */
  only: string[];
  short: boolean;
}

const PORT_RANGE_SIZE = 8;

export function parsePeersOptions(argv: string[], cores: number): PeersOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: "string" },
      seconds: { type: "string" },
      warmup: { type: "string" },
      connections: { type: "string" },
      port: { type: "string" },
      only: { type: "string" },
      quick: { type: "boolean" },
    },
    strict: true,
  });
  const quick = values.quick === true;
  const rounds = count(values.rounds, quick ? 1 : 5, "--rounds");
  const seconds = count(values.seconds, quick ? 2 : 5, "--seconds");
  const warmupSeconds = count(values.warmup, quick ? 0 : 1, "--warmup", 0);
  const port = count(values.port, 3700, "--port", 1024);
  if (port + PORT_RANGE_SIZE > 65_535) throw new PeersUsageError("--port leaves no room for the servers after it");
  return {
    rounds,
    seconds,
    warmupSeconds,
    connections: count(values.connections, 16, "--connections"),
    threads: Math.max(1, Math.min(2, cores)),
    port,
    only: values.only ? values.only.split(",").map((item) => item.trim()).filter(Boolean) : [],
    // Like bench:http: under 5 s or 3 rounds the figures are a trial, and the output says so.
    short: seconds < 5 || rounds < 3,
  };
}

function count(value: string | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new PeersUsageError(`${name} must be a whole number ≥ ${min}, not "${value}"`);
  return parsed;
}

// The command line of `npm run bench:http`, validated. Pure: argv in, settings out, or a
// UsageError naming the bad option.
import { parseArgs } from "node:util";
import { JWT_ALGS, REVOCATION_CHECKS, SESSION_CACHES } from "./targets.ts";

export class UsageError extends Error {}

export interface BenchOptions {
  durationSeconds: number;
  rounds: number;
  warmupSeconds: number;
  connections: number;
  threads: number;
  lagSamples: number;
  short: boolean;
  checks: string[];
  algs: string[];
  caches: string[];
  port: number;
  fleetSize: number;
  skipBuild: boolean;
  rebuild: boolean;
}

const OPTIONS = {
  duration: { type: "string", default: "5" },
  rounds: { type: "string", default: "3" },
  warmup: { type: "string", default: "1" },
  connections: { type: "string", default: "16" },
  checks: { type: "string", default: REVOCATION_CHECKS.join(",") },
  algs: { type: "string", default: JWT_ALGS.join(",") },
  caches: { type: "string", default: SESSION_CACHES.join(",") },
  port: { type: "string", default: "3800" },
  fleet: { type: "boolean", default: false },
  "lag-samples": { type: "string", default: "20" },
  "skip-build": { type: "boolean", default: false },
  rebuild: { type: "boolean", default: false },
} as const;

type StringOption = { [K in keyof typeof OPTIONS]: (typeof OPTIONS)[K]["type"] extends "string" ? K : never }[keyof typeof OPTIONS];

export function parseBenchOptions(argv: string[], cores: number): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const values = parsed.values;
  const positive = (name: StringOption) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive whole number (got "${values[name]}")`);
    return value;
  };
  const list = (name: StringOption, allowed: string[]) => {
    const chosen = values[name].split(",").map((value) => value.trim()).filter(Boolean);
    if (chosen.length === 0 || chosen.some((value) => !allowed.includes(value))) throw new UsageError(`--${name}: choose from ${allowed.join(", ")} (got "${values[name]}")`);
    return chosen;
  };
  const warmupSeconds = Number(values.warmup);
  if (!Number.isInteger(warmupSeconds) || warmupSeconds < 0) throw new UsageError(`--warmup must be 0 or more whole seconds (got "${values.warmup}")`);
  if (values["skip-build"] && values.rebuild) throw new UsageError("--skip-build and --rebuild contradict each other");
  const port = positive("port");
  if (port > 65_000) throw new UsageError(`--port ${port} leaves no room for the servers after it`);
  const durationSeconds = positive("duration");
  const rounds = positive("rounds");
  return {
    durationSeconds,
    rounds,
    warmupSeconds,
    connections: positive("connections"),
    // wrk needs far less CPU than Next: one thread per two cores leaves the rest to the server.
    threads: Math.max(1, Math.floor(cores / 2)),
    lagSamples: positive("lag-samples"),
    // Flagged in every output: a trial run's figures must not pass for a measurement.
    short: durationSeconds < 5 || rounds < 3,
    checks: list("checks", REVOCATION_CHECKS),
    algs: list("algs", JWT_ALGS),
    caches: list("caches", SESSION_CACHES),
    port,
    fleetSize: values.fleet ? 2 : 0,
    skipBuild: values["skip-build"],
    rebuild: values.rebuild,
  };
}

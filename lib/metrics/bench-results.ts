import "server-only";

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { errorText, logEvent } from "../log.ts";
import { processLocal } from "../state/process-local.ts";
import { DEFAULT_JWT_ALG, DEFAULT_JWT_REVOCATION_CHECK, defaultSessionCache } from "../env.ts";
import { defaultFirstBench, type BenchConfiguration, type DefaultFirstBench, type MachineKind } from "./default-first-bench.ts";
import { peersBench, type PeersBench } from "./peers-bench.ts";
import { sessionCacheBench, type CacheBench } from "./session-cache-bench.ts";

/**
 * The bench results committed in docs/bench/ (bench:http's and bench:peers'), for /compare. Read from the working
 * directory (`next start` runs in the project root; a deployment that ships only the traced
 * build has none, and the page says how to get them). Kept per process until a file changes.
 */

const BENCH_DIR = join(process.cwd(), "docs", "bench");
const HTTP_FILE = /^http-[a-z-]+\.json$/;

export interface BenchFile<T = CacheBench> {
  file: string;
  bench: T;
}

/** One machine first, then the fleet: sqlite, postgresql, postgresql-fleet. */
const order = (file: string) => (file.includes("fleet") ? 2 : file.includes("sqlite") ? 0 : 1);

export function committedCacheBenches(): Promise<BenchFile[]> {
  return committedResults(HTTP_FILE, sessionCacheBench);
}

/** Every committed bench:http run as rows, the configuration `npm start` / `npm run fleet` runs first. */
export function committedDefaultFirstBenches(): Promise<BenchFile<DefaultFirstBench>[]> {
  return committedResults(HTTP_FILE, (json) => defaultFirstBench(json, defaultBenchConfiguration));
}

export async function committedPeersBench(): Promise<BenchFile<PeersBench> | null> {
  return (await committedResults(/^peers\.json$/, peersBench))[0] ?? null;
}

/**
 * What a user gets on that kind of machine without setting anything, by lib/env.ts's own rule:
 * `npm start` has no REDIS_URL, `npm run fleet` requires one.
 */
export function defaultBenchConfiguration({ database, fleet }: MachineKind): BenchConfiguration {
  const DATABASE_URL = database === "SQLite" ? "file:./bench.db" : "postgresql://bench";
  const cache = defaultSessionCache({ DATABASE_URL, ...(fleet ? { REDIS_URL: "redis://bench" } : {}) });
  return { cache, check: DEFAULT_JWT_REVOCATION_CHECK, alg: DEFAULT_JWT_ALG };
}

async function committedResults<T>(pattern: RegExp, parse: (json: unknown) => T | null): Promise<BenchFile<T>[]> {
  let files: string[];
  try {
    files = (await readdir(BENCH_DIR)).filter((file) => pattern.test(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") logEvent("bench_results_unreadable", { error: errorText(error) });
    return [];
  }
  files.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const results = await Promise.all(
    files.map(async (file) => {
      const json = await readOne(file);
      // Not a bench result of this kind (or half-written): left out, never guessed at.
      const bench = json === undefined ? null : parse(json);
      return bench === null ? null : { file, bench };
    }),
  );
  return results.filter((result) => result !== null);
}

const cache = processLocal("metrics:bench-results", () => new Map<string, { mtimeMs: number; json: unknown }>());

/** The file's JSON, kept until the file changes; undefined when it cannot be read or parsed. */
async function readOne(file: string): Promise<unknown> {
  const path = join(BENCH_DIR, file);
  try {
    const { mtimeMs } = await stat(path);
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      entry = { mtimeMs, json: parseOrUndefined(await readFile(path, "utf8")) };
      cache.set(file, entry);
    }
    return entry.json;
  } catch (error) {
    logEvent("bench_results_unreadable", { file, error: errorText(error) });
    return undefined;
  }
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A half-written file: the next read after it changes tries again.
    return undefined;
  }
}

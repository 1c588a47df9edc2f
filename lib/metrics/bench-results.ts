import "server-only";

import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { errorText, logEvent } from "../log.ts";
import { processLocal } from "../state/process-local.ts";
import { sessionCacheBench, type CacheBench } from "./session-cache-bench.ts";

/**
 * The bench:http results committed in docs/bench/, for /compare. Read from the working
 * directory (`next start` runs in the project root; a deployment that ships only the traced
 * build has none, and the page says how to get them). Kept per process until a file changes.
 */

const BENCH_DIR = join(process.cwd(), "docs", "bench");

export interface BenchFile {
  file: string;
  bench: CacheBench;
}

/** One machine first, then the fleet: sqlite, postgresql, postgresql-fleet. */
const order = (file: string) => (file.includes("fleet") ? 2 : file.includes("sqlite") ? 0 : 1);

export async function committedCacheBenches(): Promise<BenchFile[]> {
  let files: string[];
  try {
    files = (await readdir(BENCH_DIR)).filter((file) => /^http-[a-z-]+\.json$/.test(file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") logEvent("bench_results_unreadable", { error: errorText(error) });
    return [];
  }
  files.sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  const results = await Promise.all(files.map(readOne));
  return results.filter((result): result is BenchFile => result !== null);
}

const cache = processLocal("metrics:bench-results", () => new Map<string, { mtimeMs: number; bench: CacheBench | null }>());

async function readOne(file: string): Promise<BenchFile | null> {
  const path = join(BENCH_DIR, file);
  try {
    const { mtimeMs } = await stat(path);
    let entry = cache.get(file);
    if (!entry || entry.mtimeMs !== mtimeMs) {
      // Not a bench result (or half-written): left out, never guessed at.
      entry = { mtimeMs, bench: parseOrNull(await readFile(path, "utf8")) };
      cache.set(file, entry);
    }
    return entry.bench ? { file, bench: entry.bench } : null;
  } catch (error) {
    logEvent("bench_results_unreadable", { file, error: errorText(error) });
    return null;
  }
}

function parseOrNull(text: string): CacheBench | null {
  try {
    return sessionCacheBench(JSON.parse(text));
  } catch {
    return null;
  }
}

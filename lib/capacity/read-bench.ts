import "server-only";

import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { processLocal } from "../state/process-local.ts";
import { parseBenchFiles, type BenchFiles } from "./bench-files.ts";
import { derivePerRequestCosts, type Costs } from "./costs.ts";
import { measuredPushLag, type MeasuredLag } from "./measured-lag.ts";
import { parseSimulationFile, type SimulationFile } from "../simulation/report-schema.ts";

/**
 * The committed results in docs/bench/, read from the working directory (`next start` and the
 * scripts run in the project root) and kept until a file changes. A format the model cannot
 * read throws BenchFormatError: /scale shows it, the scripts stop on it.
 */

export const BENCH_DIR = join(process.cwd(), "docs", "bench");

export interface CapacityInputs {
  files: BenchFiles;
  costs: Costs;
  pushLag: MeasuredLag | null;
  /** `npm run simulate`'s result; null until it has run. */
  simulation: SimulationFile | null;
}

// Per process, like every cache of the app (pages and route handlers may be separate bundles).
const cache = processLocal("capacity:bench-files", () => ({ current: null as { stamp: string; value: CapacityInputs } | null }));

// The one folder, named statically: the build traces docs/bench/, not the whole project.
function readBenchDirectory(): Record<string, unknown> {
  const contents: Record<string, unknown> = {};
  for (const file of readdirSync(BENCH_DIR).filter((name) => name.endsWith(".json"))) {
    contents[file] = JSON.parse(readFileSync(join(BENCH_DIR, file), "utf8"));
  }
  return contents;
}

export function loadCapacityInputs(): CapacityInputs {
  const stamp = readdirSync(BENCH_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((name) => `${name}:${statSync(join(BENCH_DIR, name)).mtimeMs}`)
    .join("|");
  if (cache.current?.stamp === stamp) return cache.current.value;
  const contents = readBenchDirectory();
  const files = parseBenchFiles(contents);
  const value = {
    files,
    costs: derivePerRequestCosts(files),
    pushLag: measuredPushLag(files.http.fleet),
    simulation: "simulation.json" in contents ? parseSimulationFile(contents["simulation.json"]) : null,
  };
  cache.current = { stamp, value };
  return value;
}

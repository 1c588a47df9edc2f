/** Types for options.mjs. */
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
export function parseBenchOptions(argv: string[], cores: number): BenchOptions;

import { AUTH_MODES, type AuthMode } from "../auth/modes.ts";
import type { Costs } from "./costs.ts";
import type { ReaderInputs } from "./inputs.ts";
import { modelMode, type ModeResult } from "./model.ts";

/**
 * The model across loads, everything else as the reader set it: what /scale charts, from 1,000
 * to 1,000,000 authenticated requests per second on a log axis.
 */

export const SWEEP = { from: 1_000, to: 1_000_000, pointsPerDecade: 6 } as const;

export interface Resource {
  key: string;
  label: string;
  unit: string;
  of: (result: ModeResult) => number;
}

export const RESOURCES: Resource[] = [
  { key: "db-reads", label: "Database reads", unit: "reads/s", of: (result) => result.dbReadsPerSecond },
  { key: "db-writes", label: "Database writes", unit: "writes/s", of: (result) => result.dbWritesPerSecond },
  { key: "redis-ops", label: "Redis operations", unit: "ops/s", of: (result) => result.redisOpsPerSecond },
  { key: "pubsub", label: "Invalidation messages delivered", unit: "messages/s", of: (result) => result.pubsub.deliveredPerSecond },
  { key: "bandwidth", label: "Credential bytes on the wire", unit: "MB/s", of: (result) => result.credentialBytesPerSecond / 1e6 },
  { key: "auth-cores", label: "CPU cores spent on authentication", unit: "cores", of: (result) => result.authCores },
];

export function sweepLoads(): number[] {
  const decades = Math.log10(SWEEP.to / SWEEP.from);
  const steps = Math.round(decades * SWEEP.pointsPerDecade);
  return Array.from({ length: steps + 1 }, (_, index) => SWEEP.from * 10 ** (index / SWEEP.pointsPerDecade));
}

export function sweepModel(inputs: ReaderInputs, costs: Costs, pushP99Ms: number | null): Record<AuthMode, { load: number; result: ModeResult }[]> {
  const loads = sweepLoads();
  return Object.fromEntries(
    AUTH_MODES.map((mode) => [mode, loads.map((load) => ({ load, result: modelMode(mode, { ...inputs, peakRps: load }, costs, pushP99Ms) }))]),
  ) as Record<AuthMode, { load: number; result: ModeResult }[]>;
}

import type { Mode } from "./fixtures.ts";

/** /api/metrics as lib/metrics/auth-metrics.ts shapes it (the parts the specs read). */

interface CheckFigures {
  samples: number;
  inFigures: number;
  latencyMicros: Record<"p50" | "p75" | "p90" | "p95" | "p99", number | null>;
  queriesPerCheck: { mean: number | null; max: number | null };
}
interface Traffic {
  accepted: number;
  cold: CheckFigures;
  warm: CheckFigures;
}
export interface Metrics {
  since: string;
  notes: Record<string, string>;
  modes: Record<Mode, { checks: number; rejected: number; visitors: Traffic; labs: Traffic }>;
}

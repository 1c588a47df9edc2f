/** Types for measure.mjs. */
export interface MeasurePlan {
  key: string;
  label: string;
  url: string;
  path: string;
  headers: Record<string, string>;
}
export interface MeasuredRound {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  socketErrors: number;
}
export function measureTargets(
  plans: MeasurePlan[],
  options: { rounds: number; seconds: number; warmupSeconds: number; connections: number; threads: number; log: (line: string) => void },
): Promise<Map<string, { rounds: MeasuredRound[]; summary: { rps: number; p50Ms: number; p99Ms: number; rounds: number } | null; error?: string }>>;

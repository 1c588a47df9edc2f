/** Types for wrk.mjs (plain JavaScript, so `node scripts/bench-http.mjs` runs without a compiler). */
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
export function parseDurationMs(text: string): number | null;
export function parseWrkOutput(text: string): WrkResult;
export function wrkArgs(run: { url: string; connections: number; threads: number; seconds: number; headers?: Record<string, string> }): string[];

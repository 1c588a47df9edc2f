/** Types for stats.mjs. */
export function median(values: number[]): number;
export function percentile(values: number[], p: number): number;
export function summarizeRounds(rounds: { rps: number; p50Ms: number; p99Ms: number }[]): { rps: number; p50Ms: number; p99Ms: number; rounds: number };
export function rotate<T>(list: T[], offset: number): T[];
export function roundTo(value: number, decimals: number): number;
export function summarizeLags(lags: number[], neverRefused: number): { p50Ms: number | null; p99Ms: number | null; samples: number; neverRefused: number } | null;

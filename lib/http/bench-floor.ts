/**
 * The one path nothing of ours runs on: app/api/bench/floor, the benchmark's floor (a bare
 * route handler). proxy.ts's matcher and next.config.ts's headers both skip it, so the bench
 * can tell the framework's cost per request from ours. No imports: next.config.ts reads it.
 */
export const BENCH_FLOOR_PATH = "/api/bench/floor";

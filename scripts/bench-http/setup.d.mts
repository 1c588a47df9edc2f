/** Types for setup.mjs (plain JavaScript, so `node scripts/bench-http.mjs` runs without a compiler). */
export const BOB: { email: string; password: string };
export const ALICE: { email: string; password: string };
export function prepareDatabase(env: NodeJS.ProcessEnv, count: number): string[];
export function cacheEnv(cache: string): Record<string, string>;

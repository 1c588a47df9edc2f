/** Types for haproxy-config.mjs (plain JavaScript, so `node scripts/fleet.mjs` runs without a compiler). */
export const STICKY_LAB_PREFIX: string;
export const STICKY_COOKIE: string;
export const PROMETHEUS_PATH: string;
export const UNSAFE_GET_PATHS: string[];
export function haproxyConfig(fleet: { port: number; statsPort: number; instances: { name: string; port: number }[]; host?: string }): string;

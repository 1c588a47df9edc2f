/** Types for haproxy-config.mjs (plain JavaScript, so `node scripts/fleet.mjs` runs without a compiler). */
export function haproxyConfig(fleet: { port: number; instances: { name: string; port: number }[] }): string;

/** Types for machine.mjs (plain JavaScript, so `node scripts/bench-http.mjs` runs without a compiler). */
export interface Machine {
  cores: number;
  cpu: string;
  memoryGb: number;
  os: string;
  node: string;
  next: string;
  database: "PostgreSQL" | "SQLite";
  fleet: { instances: number } | null;
}
export function describeMachine(options: { databaseUrl?: string; fleetInstances?: number | null }): Machine;

/** Types for servers.mjs (plain JavaScript, so `node scripts/bench-http.mjs` runs without a compiler). */
import type { ChildProcess } from "node:child_process";
export interface StartedServer {
  name: string;
  origin: string;
  instances: string[];
  log: string;
  child: ChildProcess;
}
export function startServer(server: { name: string; port: number; env: NodeJS.ProcessEnv; logDir: string; fleetSize?: number }): StartedServer;
export function waitUntilHealthy(server: StartedServer, timeoutMs?: number): Promise<void>;
export function stopServers(): Promise<void>;

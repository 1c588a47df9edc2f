/** Types for targets.mjs. */
export const REVOCATION_CHECKS: string[];
export const JWT_ALGS: string[];
export const SESSION_CACHES: string[];
export interface ServerConfiguration {
  key: string;
  check: string;
  alg: string;
  cache: string;
  port: number;
  isDefault: boolean;
}
export interface BenchTarget {
  key: string;
  label: string;
  server: string;
  path: string;
  auth: "none" | "session-cookie" | "jwt-cookie" | "jwt-bearer";
  baseline: string | null;
  kind: "api" | "page";
  goal?: number | null;
}
export function serverConfigurations(options: { checks?: string[]; algs?: string[]; caches?: string[]; basePort: number; portStep?: number }): ServerConfiguration[];
export const FLOOR_GOALS: { baseline: number; me: number; dashboard: number };
export function benchTargets(configs: ServerConfiguration[]): BenchTarget[];
export function goalFor(target: BenchTarget, config: ServerConfiguration | undefined): number | null;
import type { Cookie } from "./http.mjs";
export function authHeaders(auth: string, credentials: { session?: { cookies: Cookie[] }; jwt?: { cookies: Cookie[]; accessToken?: string } }, path: string): Record<string, string>;
export function labelWithAlgSeen(target: BenchTarget, config: ServerConfiguration, seen: string | null | undefined): BenchTarget;

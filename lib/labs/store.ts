import "server-only";

import type { AuthMode } from "../auth/types.ts";
import type { LabId, LabResult } from "./types.ts";

/**
 * The labs' results, in memory: the latest per lab (what the compare page reads) and the
 * last few runs by id (what a lab page shows after its form posts). Per process and gone on
 * restart, which is right for a demo's measurements. On globalThis, like the metrics: route
 * handlers, Server Actions and pages may be separate bundles in one process.
 */

const KEEP_RUNS = 50;

interface Store {
  latest: Partial<Record<LabId, LabResult>>;
  runs: Map<string, LabResult>;
}

const globalForLabs = globalThis as typeof globalThis & { __svjLabResults?: Store };

function store(): Store {
  globalForLabs.__svjLabResults ??= { latest: {}, runs: new Map() };
  return globalForLabs.__svjLabResults;
}

export function recordLabResult(result: LabResult): void {
  const { latest, runs } = store();
  latest[result.lab] = result;
  runs.set(result.runId, result);
  if (runs.size > KEEP_RUNS) runs.delete(runs.keys().next().value!);
}

export function latestLabResult(lab: LabId): LabResult | null {
  return store().latest[lab] ?? null;
}

export function labRun(runId: string): LabResult | null {
  return store().runs.get(runId) ?? null;
}

export interface RevocationLag {
  ranAt: string;
  revocationCheck: string;
  /** Seconds a copy kept working after logout: 0 = refused on the very next request; null = unknown. */
  app: Record<AuthMode, number | null>;
  /** The same at a service that holds only the key (a session cannot be decided there: 0). */
  downstream: Record<AuthMode, number | null>;
}

const asSeconds = (value: unknown) => (typeof value === "number" ? value : null);

/** The stolen-credential lab's measured revocation lag, or null before its first run. */
export function latestRevocationLag(): RevocationLag | null {
  const result = latestLabResult("stolen-credential");
  if (!result) return null;
  const { session, jwt } = result.columns;
  return {
    ranAt: result.finishedAt,
    revocationCheck: String(result.config.JWT_REVOCATION_CHECK),
    app: { session: asSeconds(session.measures.revocationLagSeconds), jwt: asSeconds(jwt.measures.revocationLagSeconds) },
    downstream: { session: asSeconds(session.measures.downstreamRevocationLagSeconds), jwt: asSeconds(jwt.measures.downstreamRevocationLagSeconds) },
  };
}

/** For tests: forget everything. */
export function resetLabResults(): void {
  globalForLabs.__svjLabResults = { latest: {}, runs: new Map() };
}

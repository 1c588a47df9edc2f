import "server-only";

import type { AuthMode } from "../auth/types.ts";
import { sharedState, type SharedState } from "../state/index.ts";
import type { LabId, LabResult } from "./types.ts";

/**
 * The labs' results in the shared state: the latest per lab (what the compare page reads) and
 * each run by id for an hour (what a lab page shows after its form posts). With REDIS_URL a
 * result lands whichever instance serves the page; without, per process and gone on restart,
 * which is right for a demo's measurements. What is read back is what this app wrote.
 */

const RUN_TTL_MS = 60 * 60_000;
const LATEST_TTL_MS = 30 * 24 * 3600_000;

export async function recordLabResult(result: LabResult, state: SharedState = sharedState()): Promise<void> {
  await Promise.all([
    state.records.set(`labs:latest:${result.lab}`, result, LATEST_TTL_MS),
    state.records.set(`labs:run:${result.runId}`, result, RUN_TTL_MS),
  ]);
}

export async function latestLabResult(lab: LabId, state: SharedState = sharedState()): Promise<LabResult | null> {
  return (await state.records.get(`labs:latest:${lab}`)) as LabResult | null;
}

export async function labRun(runId: string, state: SharedState = sharedState()): Promise<LabResult | null> {
  // Run ids are UUIDs; anything else cannot name a stored run (and must not shape a key).
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return null;
  return (await state.records.get(`labs:run:${runId}`)) as LabResult | null;
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
export function revocationLagOf(result: LabResult | null): RevocationLag | null {
  if (!result) return null;
  const { session, jwt } = result.columns;
  return {
    ranAt: result.finishedAt,
    revocationCheck: String(result.config.JWT_REVOCATION_CHECK),
    app: { session: asSeconds(session.measures.revocationLagSeconds), jwt: asSeconds(jwt.measures.revocationLagSeconds) },
    downstream: { session: asSeconds(session.measures.downstreamRevocationLagSeconds), jwt: asSeconds(jwt.measures.downstreamRevocationLagSeconds) },
  };
}

export async function latestRevocationLag(state: SharedState = sharedState()): Promise<RevocationLag | null> {
  return revocationLagOf(await latestLabResult("stolen-credential", state));
}

import type { AuthMode } from "../auth/types.ts";

/**
 * What a lab run produces: per mode, the HTTP exchanges it made against this app and a
 * verdict computed from what those exchanges answered — never a verdict written in advance.
 */

export const LAB_IDS = ["stolen-credential", "tampering", "stale-claims", "database-outage", "fleet", "key-rotation", "sticky-sessions"] as const;
export type LabId = (typeof LAB_IDS)[number];

export function isLabId(value: string): value is LabId {
  return (LAB_IDS as readonly string[]).includes(value);
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** The headers that matter here; credentials shortened to `eyJhbGci…(348 bytes)`. */
  headers: Record<string, string>;
  body?: unknown;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  ms: number;
}

export interface LabStep {
  label: string;
  request: RecordedRequest;
  /** null when no answer came (timeout, refused): `error` says why. */
  response: RecordedResponse | null;
  error?: string;
  /** A step the verdict rests on: shown expanded. */
  decisive?: boolean;
  /** A server-side event (not HTTP) that happened just before this exchange, e.g. a demotion. */
  after?: string;
}

/**
 * safe: the attack failed / the mode kept its promise. bounded: a copy outlived the event, but
 * only within a short window fixed in advance (the exchanged ≤ 60 s token). exposed: it did not
 * hold. degraded: up, with a weaker guarantee, or down.
 */
export type VerdictTone = "safe" | "bounded" | "exposed" | "degraded" | "inconclusive";

export interface Verdict {
  /** Machine-readable, stable: what the tests and the compare page key on. */
  outcome: string;
  tone: VerdictTone;
  /** One sentence for people, built from the observed answers. */
  headline: string;
  /** The error codes (or `accepted`, `role=user`, …) of the decisive answers, in order. */
  reasonCodes: string[];
}

export type Measure = number | boolean | string | null;

export interface LabColumn {
  mode: AuthMode;
  steps: LabStep[];
  verdict: Verdict;
  /** Numbers derived from the run (e.g. revocationLagSeconds): see each lab's module. */
  measures: Record<string, Measure>;
}

export interface LabResult {
  lab: LabId;
  runId: string;
  startedAt: string;
  finishedAt: string;
  /** The origin the requests went to, derived from the incoming request. */
  origin: string;
  /** The throwaway user the run created and deleted. */
  user: { email: string; role: string; deleted: boolean };
  /** The settings that decide this lab's outcome, as they were during the run. */
  config: Record<string, string | number | boolean>;
  columns: Record<AuthMode, LabColumn>;
  /** What the columns alone would not say (a caveat, how a setting changes the result). */
  notes: string[];
}

/** What a lab module returns; the runner adds ids, times, origin and the user. */
export type LabOutcome = Pick<LabResult, "config" | "columns" | "notes">;

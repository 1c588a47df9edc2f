/**
 * What `npm run bench:peers` records per configuration and how it is said, shared by its
 * markdown table (scripts/bench/peers/table.ts) and /compare. Pure, no server-only: the bench
 * script imports it outside Next.
 */

/** What replaying a credential copied before sign-out got: refused, or accepted and for how long. */
export type RevocationOutcome =
  | { kind: "refused" }
  | { kind: "accepted"; forSeconds: number | null; why: string }
  | { kind: "unknown"; why: string };

export function outcomeCell(outcome: RevocationOutcome | null): string {
  if (!outcome) return "—";
  if (outcome.kind === "refused") return "refused at once";
  if (outcome.kind === "unknown") return `? (${outcome.why})`;
  return outcome.forSeconds === null ? `accepted (${outcome.why})` : `accepted for ≤ ${formatSeconds(outcome.forSeconds)} (${outcome.why})`;
}

/** 300 → "300 s", 900 → "15 min", 2592000 → "30 d": the unit the configuration is written in. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 86_400 && seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** auth req/s ÷ the same app's uncredentialed req/s; null when either is missing, never a guess. */
export function ratioToOpen(row: { authRps: number | null; openRps: number | null }): number | null {
  return row.authRps != null && row.openRps != null && row.openRps > 0 ? row.authRps / row.openRps : null;
}

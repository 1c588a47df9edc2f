// The peers' results as one table: req/s, the ratio to that app's own uncredentialed route,
// credential bytes, queries per request and what a signed-out credential still does. Pure.
import { roundTo } from "../http/stats.ts";
// The wording /compare shows too (it reads docs/bench/peers.json): one home, in lib.
import { outcomeCell, ratioToOpen, type RevocationOutcome } from "../../../lib/metrics/peer-outcome.ts";

export { formatSeconds, outcomeCell, ratioToOpen, type RevocationOutcome } from "../../../lib/metrics/peer-outcome.ts";


/**
 * `status` is what /me answered to the copy after sign-out; `lifetime` is how long the library's
 * configuration lets that credential live (its cache max age, its token expiry). A 401 or 403 is
 * refused at once; a 200 is accepted until the lifetime ends; anything else is not an answer.
 */
export function classifyRevocation(status: number | null, lifetime: { seconds: number | null; why: string }): RevocationOutcome {
  if (status === 401 || status === 403) return { kind: "refused" };
  if (status === 200) return { kind: "accepted", forSeconds: lifetime.seconds, why: lifetime.why };
  return { kind: "unknown", why: status === null ? "not measured" : `/me answered ${status}` };
}


export interface PeerRow {
  key: string;
  label: string;
  /** Median req/s of the credentialed /me and of this app's uncredentialed route; null: not measured. */
  authRps: number | null;
  openRps: number | null;
  credentialBytes: number | null;
  queriesPerRequest: number | null;
  revocation: RevocationOutcome | null;
  /** Why this row has no figures (a peer that could not be built, a refused credential). */
  error?: string;
}


const HEADER = ["configuration", "auth req/s", "ratio to own open route", "credential bytes", "queries / request", "a signed-out credential"];

function cells(row: PeerRow): string[] {
  const ratio = ratioToOpen(row);
  return [
    row.label,
    row.authRps != null ? String(Math.round(row.authRps)) : row.error ? "not measured" : "—",
    ratio != null ? roundTo(ratio, 2).toFixed(2) : "—",
    row.credentialBytes != null ? String(row.credentialBytes) : "—",
    row.queriesPerRequest != null ? String(roundTo(row.queriesPerRequest, 2)) : "—",
    outcomeCell(row.revocation),
  ];
}

export function markdownTable(rows: PeerRow[]): string {
  const lines = [`| ${HEADER.join(" | ")} |`, `|${HEADER.map((_, index) => (index === 0 ? "---" : "---:")).join("|")}|`];
  for (const row of rows) lines.push(`| ${cells(row).join(" | ")} |`);
  const notes = rows.filter((row) => row.error).map((row) => `- ${row.label}: ${row.error}`);
  return [...lines, ...(notes.length > 0 ? ["", ...notes] : [])].join("\n");
}

import type { Measure, Verdict } from "../types.ts";

/** The database-outage lab's judgement, from /me before, during and after the outage. */

export interface OutageObservation {
  before: string;
  during: { status: number | null; code: string };
  /** The accepted answer said the revocation store could not be read (fail-open). */
  duringDegraded: boolean;
  after: string;
  /** The outage ended on its time limit before the requests inside it finished. */
  cutShort: boolean;
}

type Judged = { verdict: Verdict; measures: Record<string, Measure> };

/** /me's answer carries Principal.failOpen as `failOpen` under its credential's label (lib/http/auth-api.ts apiMe). */
export function acceptedFailOpen(body: unknown): boolean {
  if (typeof body !== "object" || body === null) return false;
  return Object.values(body).some((part) => (part as { failOpen?: unknown } | null)?.failOpen === true);
}

export function judgeOutage(seen: OutageObservation): Judged {
  const up = seen.during.code === "accepted";
  const reasonCodes = [seen.during.code, ...(up && seen.duringDegraded ? ["fail_open"] : []), seen.after];
  const measures = {
    answeredDuringOutage: up,
    revocationCheckedDuringOutage: up ? !seen.duringDegraded : null,
    recovered: seen.after === "accepted",
  };
  const judged = (outcome: string, tone: Verdict["tone"], headline: string): Judged => ({ measures, verdict: { outcome, tone, headline, reasonCodes } });
  if (seen.before !== "accepted") return judged("not_logged_in", "inconclusive", `The login did not work even before the outage (${seen.before}).`);
  if (seen.cutShort) return judged("cut_short", "inconclusive", "The outage hit its time limit before the requests inside it finished; run it again.");
  if (seen.after !== "accepted") return judged("not_recovered", "exposed", `Still refused after the database came back (${seen.after}).`);
  const answer = `${seen.during.status ?? "no answer"} ${seen.during.code}`;
  if (!up) {
    return judged("fails_closed", "degraded", `Down while the database was down (${answer}); back on the first request after it returned.`);
  }
  if (seen.duringDegraded) {
    return judged(
      "fails_open",
      "degraded",
      "Kept answering 200 during the outage, on signature and exp alone: the denylist could not be read, so a token revoked meanwhile would have been accepted too.",
    );
  }
  return judged("unaffected", "safe", "Kept answering 200 during the outage with every check it normally makes: none of them reads this database.");
}

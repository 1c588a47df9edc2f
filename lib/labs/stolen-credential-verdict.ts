import type { AuthMode } from "../auth/types.ts";
import type { Measure, Verdict } from "./types.ts";

/** The stolen-credential lab's judgement, from the two replays of the copy made after logout. */

export interface ReplayObservation {
  /** answerCode() of using the copy before logout: it must have worked for the rest to mean anything. */
  before: string;
  /** answerCode() of the replay at /api/<mode>/me: the app that issued the credential. */
  app: string;
  /** answerCode() of the replay at /api/downstream/<mode>: a service with no database. */
  downstream: string;
  /** For a JWT, how long until its exp at the time of the replay; null for a session. */
  secondsUntilExp: number | null;
}

const accepted = (code: string) => code === "accepted";
const answered = (code: string) => code !== "no_answer";

function lag(code: string, secondsUntilExp: number | null): number | null {
  return accepted(code) ? secondsUntilExp : 0;
}

export function judgeStolenCredential(mode: AuthMode, seen: ReplayObservation): { verdict: Verdict; measures: Record<string, Measure> } {
  const measures = {
    acceptedAfterLogout: accepted(seen.app),
    acceptedDownstreamAfterLogout: accepted(seen.downstream),
    // The revocation lag: how long after logout a copy still gets in (0 = the next request).
    revocationLagSeconds: lag(seen.app, seen.secondsUntilExp),
    downstreamRevocationLagSeconds: lag(seen.downstream, seen.secondsUntilExp),
  };
  const reasonCodes = [seen.app, seen.downstream];
  const until = seen.secondsUntilExp === null ? "" : ` — for another ${seen.secondsUntilExp} s, until exp`;
  const what = mode === "session" ? "cookie" : "token";
  if (!accepted(seen.before)) {
    const headline = `The copy did not work even before logout (${seen.before}); nothing can be concluded.`;
    return { measures, verdict: { outcome: "copy_never_worked", tone: "inconclusive", headline, reasonCodes } };
  }
  if (!answered(seen.app) || !answered(seen.downstream)) {
    return { measures, verdict: { outcome: "no_answer", tone: "inconclusive", headline: "A replay got no answer; nothing can be concluded.", reasonCodes } };
  }
  if (accepted(seen.app)) {
    const where = accepted(seen.downstream) ? "here and downstream" : "here";
    return {
      measures,
      verdict: { outcome: "replay_accepted", tone: "exposed", headline: `The copied ${what} still worked after logout, ${where}${until}.`, reasonCodes },
    };
  }
  if (accepted(seen.downstream)) {
    return {
      measures,
      verdict: {
        outcome: "revoked_here_only",
        tone: "exposed",
        headline: `This app refused the copy after logout (${seen.app}), but a service holding only the key accepted it${until}.`,
        reasonCodes,
      },
    };
  }
  return {
    measures,
    verdict: {
      outcome: "revoked_at_once",
      tone: "safe",
      headline: `The copied ${what} was refused on the very next request after logout (${seen.app}), and downstream too (${seen.downstream}).`,
      reasonCodes,
    },
  };
}

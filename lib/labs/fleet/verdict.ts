import type { AuthMode } from "../../auth/types.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS } from "../../downstream/token-kind.ts";
import type { Measure, Verdict } from "../types.ts";

/**
 * The fleet lab's judgement: a copy taken at one instance (and the downstream token it was
 * exchanged for), the user logged out at another, the copy replayed at every instance and both
 * copies at the downstream service. Built from answer codes only.
 */

export interface FleetReplayObservation {
  /** answerCode() of using the copy at the login instance before logout. */
  before: string;
  /** answerCode() of the logout, sent to another instance. */
  logout: string;
  /** answerCode() of the replay at each instance, named by origin. */
  instances: { name: string; code: string }[];
  /** answerCode() of the copied credential at the downstream service (JWKS only, no database). */
  downstream: string;
  /** answerCode() of the copied downstream token there; null when the exchange minted none. */
  downstreamToken: string | null;
  /** For a JWT, seconds until its exp at the time of the replay; null for a session. */
  secondsUntilExp: number | null;
  /** The downstream token's seconds left at its replay. */
  downstreamTokenSecondsLeft: number | null;
}

const accepted = (code: string | null) => code === "accepted";

export function judgeFleetReplay(mode: AuthMode, seen: FleetReplayObservation): { verdict: Verdict; measures: Record<string, Measure> } {
  const acceptedAt = seen.instances.filter((instance) => accepted(instance.code)).map((instance) => instance.name);
  const measures = {
    instancesReplayed: seen.instances.length,
    instancesRefusingAfterLogout: seen.instances.length - acceptedAt.length,
    acceptedDownstreamAfterLogout: accepted(seen.downstream),
    downstreamTokenAcceptedAfterLogout: accepted(seen.downstreamToken),
    downstreamRevocationLagSeconds: accepted(seen.downstream) ? seen.secondsUntilExp : accepted(seen.downstreamToken) ? seen.downstreamTokenSecondsLeft : 0,
  };
  const reasonCodes = [...seen.instances.map((instance) => instance.code), seen.downstream, ...(seen.downstreamToken === null ? [] : [seen.downstreamToken])];
  const what = mode === "session" ? "cookie" : "token";
  const verdict = (outcome: string, tone: Verdict["tone"], headline: string) => ({ measures, verdict: { outcome, tone, headline, reasonCodes } });
  if (!accepted(seen.before)) return verdict("copy_never_worked", "inconclusive", `The copy did not work even before logout (${seen.before}); nothing can be concluded.`);
  if (!accepted(seen.logout)) return verdict("logout_failed", "inconclusive", `Logging out on the other instance answered ${seen.logout}; nothing can be concluded.`);
  if (seen.instances.length < 2) return verdict("not_a_fleet", "inconclusive", "Fewer than two instances answered the replay; a fleet needs at least two.");
  if (seen.instances.some((instance) => instance.code === "no_answer")) {
    return verdict("no_answer", "inconclusive", "An instance gave no answer to the replay; nothing can be concluded.");
  }
  if (acceptedAt.length > 0) {
    const headline = `After logging out on another instance, the copied ${what} still worked on ${acceptedAt.join(", ")}: that instance never heard of the logout.`;
    return verdict("accepted_on_an_instance", "exposed", headline);
  }
  const everyInstance = `Every instance (${seen.instances.length}) refused the copied ${what} on the very next request after logout`;
  if (seen.downstream === "no_answer" || seen.downstreamToken === "no_answer") {
    return verdict("downstream_unreachable", "inconclusive", `${everyInstance}; the downstream service did not answer (is npm run downstream running?).`);
  }
  if (accepted(seen.downstream)) {
    const until = seen.secondsUntilExp === null ? "" : ` — for another ${seen.secondsUntilExp} s, until exp`;
    return verdict("revoked_in_fleet_only", "exposed", `${everyInstance} (shared store), but the downstream service, which has only the JWKS, accepted it${until}.`);
  }
  const refusedThere = `${everyInstance}, and the downstream service refused the copied ${what} outright (${seen.downstream})`;
  if (accepted(seen.downstreamToken)) {
    const until = seen.downstreamTokenSecondsLeft === null ? "" : ` — for another ${seen.downstreamTokenSecondsLeft} s, until its exp`;
    // The exchange caps that token's life, so what outlives the logout is a bounded window (as the
    // stolen-credential lab says); with its time left unknown or past the cap, it is exposed.
    const bounded = seen.downstreamTokenSecondsLeft !== null && seen.downstreamTokenSecondsLeft <= DOWNSTREAM_TOKEN_MAX_SECONDS;
    return verdict("downstream_token_outlives_logout", bounded ? "bounded" : "exposed", `${refusedThere}; the copied downstream token, which no logout reaches, still worked there${until}.`);
  }
  return verdict("revoked_everywhere", "safe", `${refusedThere}${seen.downstreamToken === null ? "" : `, and the copied downstream token too (${seen.downstreamToken})`}.`);
}

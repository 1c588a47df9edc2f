import type { AuthMode } from "../../auth/types.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS } from "../../downstream/token-kind.ts";
import type { Measure, Verdict } from "../types.ts";

/**
 * The stolen-credential lab's judgement, from the replays made after logout: the copied
 * credential at this app and at the downstream service, and a copied downstream token (what the
 * token exchange handed out for the call to that service) at the downstream service.
 */

export interface ReplayObservation {
  /** answerCode() of using the copy before logout: it must have worked for the rest to mean anything. */
  before: string;
  /** answerCode() of the replay at /api/<mode>/me: the app that issued the credential. */
  app: string;
  /** answerCode() of the copied credential itself at /api/downstream/<mode>. */
  downstream: string;
  /** answerCode() of the token exchange before logout (POST /api/<mode>/token). */
  exchange: string;
  /** answerCode() of the copied downstream token at the downstream service; null when none was minted. */
  downstreamToken: string | null;
  /** For a JWT, how long until its exp at the time of the replay; null for a session. */
  secondsUntilExp: number | null;
  /** The downstream token's seconds left at its replay, and its whole life (exp − iat). */
  downstreamTokenSecondsLeft: number | null;
  downstreamTokenLifetimeSeconds: number | null;
}

const accepted = (code: string | null) => code === "accepted";
const answered = (code: string | null) => code !== "no_answer";

export function judgeStolenCredential(mode: AuthMode, seen: ReplayObservation): { verdict: Verdict; measures: Record<string, Measure> } {
  const measures = {
    acceptedAfterLogout: accepted(seen.app),
    acceptedDownstreamAfterLogout: accepted(seen.downstream),
    downstreamTokenAcceptedAfterLogout: accepted(seen.downstreamToken),
    // The revocation lag: how long after logout a copy still gets in (0 = the next request).
    revocationLagSeconds: accepted(seen.app) ? seen.secondsUntilExp : 0,
    // At the downstream service: the copied credential there, else a copied downstream token.
    downstreamRevocationLagSeconds: accepted(seen.downstream) ? seen.secondsUntilExp : accepted(seen.downstreamToken) ? seen.downstreamTokenSecondsLeft : 0,
    downstreamTokenLifetimeSeconds: seen.downstreamTokenLifetimeSeconds,
  };
  const reasonCodes = [seen.app, seen.downstream, ...(seen.downstreamToken === null ? [] : [seen.downstreamToken])];
  const what = mode === "session" ? "cookie" : "token";
  const verdict = (outcome: string, tone: Verdict["tone"], headline: string) => ({ measures, verdict: { outcome, tone, headline, reasonCodes } });
  if (!accepted(seen.before)) return verdict("copy_never_worked", "inconclusive", `The copy did not work even before logout (${seen.before}); nothing can be concluded.`);
  if (![seen.app, seen.downstream, seen.downstreamToken].every(answered)) return verdict("no_answer", "inconclusive", "A replay got no answer; nothing can be concluded.");

  const until = (seconds: number | null) => (seconds === null ? "" : ` — for another ${seconds} s, until exp`);
  const here = accepted(seen.app)
    ? `The copied ${what} still worked here after logout${until(seen.secondsUntilExp)}`
    : `This app refused the copied ${what} on the very next request after logout (${seen.app})`;
  const there = accepted(seen.downstream) ? `the downstream service accepted it too${until(seen.secondsUntilExp)}` : `the downstream service refused it outright (${seen.downstream})`;
  const life = seen.downstreamTokenLifetimeSeconds === null ? "" : `, a ${seen.downstreamTokenLifetimeSeconds} s token`;
  const token =
    seen.downstreamToken === null
      ? ` No downstream token was minted (the exchange answered ${seen.exchange}).`
      : accepted(seen.downstreamToken)
        ? ` A copied downstream token still worked there after logout${until(seen.downstreamTokenSecondsLeft)}${life}.`
        : ` A copied downstream token was refused there too (${seen.downstreamToken}).`;
  const headline = `${here}; ${there}.${token}`;
  if (accepted(seen.app)) return verdict("replay_accepted", "exposed", headline);
  if (accepted(seen.downstream)) return verdict("revoked_here_only", "exposed", headline);
  // A token the exchange caps at DOWNSTREAM_TOKEN_MAX_SECONDS outlives logout by at most that: a
  // bounded window, not a 900 s access token's. Longer (or of unknown life), it is exposed.
  if (accepted(seen.downstreamToken)) return verdict("downstream_token_outlives_logout", boundedByExchange(seen) ? "bounded" : "exposed", headline);
  return verdict("revoked_at_once", "safe", headline);
}

function boundedByExchange(seen: ReplayObservation): boolean {
  const life = seen.downstreamTokenLifetimeSeconds;
  return life !== null && life <= DOWNSTREAM_TOKEN_MAX_SECONDS && (seen.downstreamTokenSecondsLeft ?? Infinity) <= life;
}

import type { Measure, Verdict } from "../types.ts";

/**
 * The stale-claims lab's judgement: after an admin is demoted, what role does each mode
 * act on? Inputs are what /me answered: a role (`role=user`) or an error code.
 */

export interface SessionRoleObservation {
  before: string;
  afterDemotion: string;
}

export interface JwtRoleObservation extends SessionRoleObservation {
  /** answerCode() of POST /api/jwt/refresh. */
  refresh: string;
  /** The refreshed token at /me. */
  afterRefresh: string;
  /** The old token at /me once more, after the refresh. */
  oldTokenAfterRefresh: string;
  /** The old token's remaining lifetime at that moment. */
  oldTokenSecondsLeft: number | null;
}

type Judged = { verdict: Verdict; measures: Record<string, Measure> };

const ADMIN = "role=admin";
const USER = "role=user";
/** The revocation check's answer to a token minted before a version bump (a role change bumps it). */
const STALE = "token_stale";

function inconclusive(seen: string, reasonCodes: string[], measures: Record<string, Measure>): Judged {
  const headline = `The admin's first request did not say admin (${seen}); nothing can be concluded.`;
  return { measures, verdict: { outcome: "not_admin_before", tone: "inconclusive", headline, reasonCodes } };
}

export function judgeSessionRole(seen: SessionRoleObservation): Judged {
  const reasonCodes = [seen.before, seen.afterDemotion];
  const measures = { staleRoleSeconds: seen.afterDemotion === USER ? 0 : null };
  if (seen.before !== ADMIN) return inconclusive(seen.before, reasonCodes, measures);
  if (seen.afterDemotion === USER) {
    const headline = "The very next request after the demotion acted as role user: the row is read every time.";
    return { measures, verdict: { outcome: "fresh_on_next_request", tone: "safe", headline, reasonCodes } };
  }
  const headline = `After the demotion the session still answered ${seen.afterDemotion}.`;
  return { measures, verdict: { outcome: "stale_after_demotion", tone: "exposed", headline, reasonCodes } };
}

export function judgeJwtRole(seen: JwtRoleObservation): Judged {
  const reasonCodes = [seen.before, seen.afterDemotion, seen.refresh, seen.afterRefresh, seen.oldTokenAfterRefresh];
  const oldStillAdmin = seen.oldTokenAfterRefresh === ADMIN;
  const measures = {
    roleFreshAfterRefresh: seen.afterRefresh === USER,
    // How much longer the old token goes on claiming admin: its remaining lifetime.
    staleRoleSeconds: seen.afterDemotion === USER || seen.afterDemotion === STALE ? 0 : oldStillAdmin ? seen.oldTokenSecondsLeft : null,
  };
  if (seen.before !== ADMIN) return inconclusive(seen.before, reasonCodes, measures);
  if (seen.afterDemotion === USER) {
    const headline = "The very next request after the demotion acted as role user.";
    return { measures, verdict: { outcome: "fresh_on_next_request", tone: "safe", headline, reasonCodes } };
  }
  if (seen.afterDemotion === STALE && seen.refresh === "accepted" && seen.afterRefresh === USER && !oldStillAdmin) {
    const headline =
      "The old token was refused on the very next request (token_stale: the demotion bumped the token version); a refresh minted one saying user.";
    return { measures, verdict: { outcome: "refused_until_refresh", tone: "safe", headline, reasonCodes } };
  }
  if (seen.afterDemotion !== ADMIN || seen.refresh !== "accepted" || seen.afterRefresh !== USER) {
    const headline = `After the demotion: ${seen.afterDemotion}; refresh: ${seen.refresh}; refreshed token: ${seen.afterRefresh}. Not the expected pattern.`;
    return { measures, verdict: { outcome: "unexpected", tone: "inconclusive", headline, reasonCodes } };
  }
  const tail = oldStillAdmin
    ? ` — and the old token still says admin for another ${seen.oldTokenSecondsLeft ?? "?"} s, until exp.`
    : ", and the old token no longer works.";
  return {
    measures,
    verdict: {
      outcome: "stale_until_refresh",
      tone: "exposed",
      headline: `Still admin after the demotion, until a refresh minted a token saying user${tail}`,
      reasonCodes,
    },
  };
}

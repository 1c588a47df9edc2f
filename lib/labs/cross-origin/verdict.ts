/**
 * The cross-origin lab's verdicts, from what the browser observed on the other origin. Pure
 * and framework-free: the page's client component calls it, the unit tests feed it by hand.
 */

export type FetchOutcome = { kind: "answered"; status: number; body: unknown } | { kind: "blocked"; message: string };

export interface CrossOriginObservations {
  /** GET /api/jwt/me with the token as Bearer: the API allowlists this origin (CORS). */
  bearer: FetchOutcome;
  /** The same token to an endpoint that sends no CORS headers (/api/downstream/jwt). */
  bearerWithoutCors: FetchOutcome;
  /** GET /api/session/me with credentials: "include". */
  cookieCredentialed: FetchOutcome;
  /** The probe: which of our cookies arrived with a credentialed cross-site request. */
  probe: FetchOutcome;
}

export interface CrossOriginVerdict {
  outcome: "works_cross_origin" | "blocked_cross_origin" | "inconclusive";
  headline: string;
  reasons: string[];
}

function cookieArrived(probe: FetchOutcome, mode: "session" | "jwt"): boolean | null {
  if (probe.kind !== "answered" || probe.status !== 200) return null;
  const arrived = (probe.body as { cookiesArrived?: Record<string, unknown> } | null)?.cookiesArrived?.[mode];
  return typeof arrived === "boolean" ? arrived : null;
}

export function judgeJwt(o: CrossOriginObservations): CrossOriginVerdict {
  if (o.bearer.kind === "answered" && o.bearer.status === 200) {
    const corsMatters = o.bearerWithoutCors.kind === "blocked";
    return {
      outcome: "works_cross_origin",
      headline: corsMatters
        ? "The token works from another site — because the API's CORS allowlist lets this origin send Authorization; the same token to an endpoint without CORS was blocked by the browser."
        : "The token works from another site: the page holds it and sends it on purpose.",
      reasons: ["bearer_200", corsMatters ? "no_cors_blocked" : "no_cors_not_blocked"],
    };
  }
  const seen = o.bearer.kind === "answered" ? `status_${o.bearer.status}` : "bearer_blocked";
  return { outcome: "inconclusive", headline: "The Bearer call did not succeed, so the lab shows nothing about cross-origin use.", reasons: [seen] };
}

export function judgeSession(o: CrossOriginObservations): CrossOriginVerdict {
  const arrived = cookieArrived(o.probe, "session");
  const unreadable = o.cookieCredentialed.kind === "blocked";
  if (arrived === false) {
    return {
      outcome: "blocked_cross_origin",
      headline: unreadable
        ? "The browser did not send the session cookie (SameSite=Lax keeps it off cross-site requests), and would not have let the page read the answer anyway (no Access-Control-Allow-Credentials)."
        : "The browser did not send the session cookie: SameSite=Lax keeps it off cross-site requests.",
      reasons: ["cookie_not_sent_samesite", unreadable ? "credentialed_response_blocked_cors" : "credentialed_response_readable"],
    };
  }
  if (arrived === true) {
    return { outcome: "works_cross_origin", headline: "The session cookie arrived with a cross-site request: SameSite did not hold here.", reasons: ["cookie_sent"] };
  }
  return { outcome: "inconclusive", headline: "The cookie probe did not answer, so whether the cookie was sent is unknown.", reasons: ["probe_failed"] };
}

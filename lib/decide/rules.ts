import { configurationFor, type Configuration, type Recommendation } from "./configuration.ts";
import { correctionsFor, type Correction } from "./corrections.ts";
import type { Answers, QuestionId } from "./questions.ts";
import type { SourceId } from "./sources.ts";

/**
 * The decision guide's rules: answers in, a recommendation out, with the reasons tied to the
 * answers that caused them, the trade-offs accepted, the requirements no design can meet as
 * stated, and this app's matching configuration. Pure and total: every combination of answers
 * gets one (rules.test.ts walks them all). The order of the questions asked below is the order
 * of what constrains the design most: where the state can live, who else must verify, then cost.
 */

export interface Claim {
  text: string;
  /** The answers that made this claim apply. */
  because: QuestionId[];
  sources: SourceId[];
}

export interface Decision {
  recommendation: Recommendation;
  reasons: Claim[];
  tradeOffs: Claim[];
  /** A requirement the answers ask for that nothing can meet as stated, and the nearest thing. */
  unmet: Claim[];
  corrections: Correction[];
  configuration: Configuration;
}

export const RECOMMENDATION_TITLES: Record<Recommendation, string> = {
  session: "Server-side sessions",
  "session-push-cache": "Server-side sessions with the push-invalidated cache",
  hybrid: "Hybrid: a session in the browser, short-lived tokens for services (verified with the JWKS)",
  "jwt-revocation-check": "JWT with a revocation check on every request",
  jwt: "Stateless JWT, short-lived",
};

export function decide(answers: Answers): Decision {
  const recommendation = recommend(answers);
  const claims = claimsFor(recommendation, answers);
  return { recommendation, ...claims, corrections: correctionsFor(answers), configuration: configurationFor(recommendation, answers) };
}

function recommend(answers: Answers): Recommendation {
  const fleet = answers.instances !== "one";
  // Several instances and nothing they share: nothing to look a session up in, nothing to revoke in.
  if (fleet && answers.sharedStore === "no") return "jwt";
  const othersVerify = answers.services === "some" || answers.crossOrigin === "yes";
  if (othersVerify) {
    // At once on every service means every service asks the store — possible only if they can reach it.
    return answers.revocation === "everywhere" && answers.sharedStore === "yes" ? "jwt-revocation-check" : "hybrid";
  }
  const heavy = answers.peakRps === "100k" || answers.peakRps === "more";
  // The one case a store-free token earns its keep: the read is the whole cost and a window is accepted.
  if (answers.peakRps === "more" && answers.revocation === "minutes" && answers.limits === "no") return "jwt";
  if ((heavy || answers.instances === "regions") && answers.sharedStore === "yes") return "session-push-cache";
  return "session";
}

const claim = (text: string, because: QuestionId[], sources: SourceId[]): Claim => ({ text, because, sources });

function claimsFor(recommendation: Recommendation, answers: Answers): Pick<Decision, "reasons" | "tradeOffs" | "unmet"> {
  const reasons: Claim[] = [];
  const tradeOffs: Claim[] = [];
  const unmet: Claim[] = [];
  const atOnce = answers.revocation !== "minutes";
  const fleet = answers.instances !== "one";

  switch (recommendation) {
    case "jwt":
      if (fleet && answers.sharedStore === "no")
        reasons.push(claim("Your instances share no store, so a credential must carry its own proof: a signed token every instance verifies alone.", ["instances", "sharedStore"], ["rfc8725", "lab:fleet"]));
      else
        reasons.push(claim("At more than 100,000 requests per second, with minutes of revocation accepted and no idle limit, the one read per check is the cost left to save — and a token that nobody revokes is the only design without it.", ["peakRps", "revocation", "limits"], ["figure:db-reads", "figure:scale"]));
      tradeOffs.push(claim("A copied token works until its exp after logout, in this app and at every service: keep JWT_ACCESS_TTL_SECONDS short (the matching configuration below sets it to 300 s) — that lifetime is your revocation lag.", ["revocation"], ["lab:stolen-credential", "owasp:jwt"]));
      tradeOffs.push(claim("A role or a ban changed while a token is out takes effect at its next refresh, not before.", ["revocation"], ["lab:stale-claims"]));
      if (atOnce) unmet.push(claim("A logout or ban at once cannot be had without a store every instance asks: the nearest is the access token's lifetime.", ["revocation", "sharedStore"], ["lab:stolen-credential", "owasp:jwt"]));
      if (answers.limits === "yes") unmet.push(claim("An idle limit needs to know when the user was last seen, which is state: without a store, the nearest is a short access token and no silent refresh.", ["limits", "sharedStore"], ["owasp:session"]));
      break;
    case "jwt-revocation-check":
      reasons.push(claim("Other services or API consumers on other domains act for the user, and a logout must stop them at once too: each must ask the shared store on every request, so a token they verify by signature and then check against the denylist carries the claims they need with the one read.", ["services", "crossOrigin", "revocation", "sharedStore"], ["owasp:jwt", "lab:stolen-credential"]));
      tradeOffs.push(claim("Every service reads the store on every request: the same read a session costs, now in every service; the store is on every service's critical path (closed when it is down: JWT_REVOCATION_FAIL=closed).", ["revocation"], ["figure:db-reads", "figure:revocation-reach"]));
      tradeOffs.push(claim("A script injected into a page that holds the token in JavaScript can send it anywhere: keep it in an httpOnly cookie in browsers.", ["clients"], ["lab:storage", "owasp:html5"]));
      break;
    case "hybrid":
      reasons.push(claim("Browsers keep an httpOnly session cookie: logout deletes a row and the next request is refused, and no script can read it.", ["clients", "revocation"], ["lab:stolen-credential", "lab:storage", "owasp:session"]));
      reasons.push(claim("Other services and other domains get what a cookie cannot give them: a token of their own, one audience each, at most 60 s, exchanged for the session and verified with the public keys alone.", ["services", "crossOrigin"], ["rfc8693", "rfc8725", "lab:cross-origin"]));
      tradeOffs.push(claim("After logout a copied service token still works at its service for the rest of its ≤ 60 s: bounded, not zero.", ["revocation"], ["lab:stolen-credential"]));
      if (answers.revocation === "everywhere") unmet.push(claim("At once on every service needs every service to reach the shared store, and you said it cannot: the nearest is the service token's ≤ 60 s.", ["revocation", "sharedStore"], ["lab:stolen-credential"]));
      break;
    case "session-push-cache":
      reasons.push(claim("One store read per check is what grows with your load; the push cache answers warm checks from memory and every logout, ban or password change evicts on every instance before it returns.", ["peakRps", "instances"], ["figure:db-reads", "figure:revocation-reach", "figure:scale"]));
      tradeOffs.push(claim("Redis pub/sub joins the critical path of revocation: while a subscription is down the cache is bypassed (every check reads), and a row changed by hand outside the app is seen within the cache's minute.", ["instances"], ["lab:fleet"]));
      break;
    case "session":
      reasons.push(claim("One app answers every request and can ask its own store: a session is the simplest credential that a logout or a ban ends on the very next request.", ["services", "crossOrigin", "revocation"], ["lab:stolen-credential", "owasp:session"]));
      if (answers.sharedStore === "no") reasons.push(claim("With one instance the store need not be shared: the sessions live in its own database.", ["instances", "sharedStore"], ["lab:sticky-sessions"]));
      tradeOffs.push(claim("One store read per authenticated request; at your load that is small (see /scale for the figures at yours).", ["peakRps"], ["figure:db-reads", "figure:scale"]));
      break;
  }
  if (answers.limits === "yes" && recommendation !== "jwt")
    reasons.push(claim("Idle and absolute limits are two timestamps on the session row (lastSeenAt, createdAt): enforced on every check, no token to wait out.", ["limits"], ["owasp:session"]));
  if (answers.clients === "native" && recommendation !== "jwt")
    reasons.push(claim("Native apps hold the same credential in the platform's secure storage; nothing about a phone requires a JWT.", ["clients"], ["rfc8252", "owasp:session"]));
  if (recommendation !== "jwt" && recommendation !== "jwt-revocation-check")
    tradeOffs.push(claim("The session cookie is sent with every request to this site (measured on /compare); keep it small, and SameSite=Lax keeps it off cross-site requests.", ["clients"], ["figure:bytes", "lab:cross-origin"]));
  return { reasons, tradeOffs, unmet };
}

import type { AuthMode } from "@/lib/auth/types";
import type { FlowStep } from "./flow-types";

/** The password half of a login, the same in both modes (lib/auth/methods/password/sign-in.ts signInWithPassword). */
export const passwordCheckSteps = (mode: AuthMode): FlowStep[] => [
  {
    from: "browser", to: "server", label: "POST e-mail + password",
    text: `The login form's Server Action, or POST /api/${mode}/login from an API client.`, code: "app/actions/auth.ts",
  },
  {
    from: "server", to: "redis", access: "write", label: "count this attempt",
    text: "The login throttle charges the attempt before the password is hashed (per trusted device, else per account): too many → 429 with Retry-After, no argon2 time spent. Shared, so N instances do not give N times the budget.",
    code: "lib/auth/methods/password/throttle.ts",
  },
  {
    from: "server", to: "database", access: "read", label: "SELECT user by e-mail",
    text: "Reads the user and its password row; unknown, disabled and password-less users take the same time.", code: "lib/auth/methods/password/credentials.ts verifyCredentials",
  },
  { from: "server", to: "server", label: "argon2id verify", text: "Checks the password against the stored argon2id hash.", code: "lib/auth/methods/password/hash.ts" },
  {
    from: "server", to: "redis", access: "write", label: "take the attempt back",
    text: "A success removes the attempt it was charged (a trusted device starts afresh); the browser gets a signed device cookie for its own budget.",
    code: "lib/auth/methods/password/throttle.ts settleLoginSuccess",
  },
  {
    from: "server", to: "database", access: "write", label: "UPDATE lastLoginAt",
    text: "For the admin console's \"last login\": one write per password login, never per request.", code: "lib/users.ts recordLogin",
  },
];

/** A copied credential presented again after logout, and the row or entry that refuses it. */
export const replayedCopySteps = (what: string, lookup: Omit<FlowStep, "from" | "to" | "access">): FlowStep[] => [
  { from: "browser", to: "server", label: `a copy of the ${what}, later`, text: `Someone kept a copy of the ${what} and presents it after the logout.` },
  { from: "server", to: "database", access: "read", ...lookup },
  { from: "server", to: "browser", reply: true, label: "refused", text: "401 from the API; a page sends it to the login form." },
];

/** The exchange's second half, the same in both modes: a token for the downstream service alone. */
export const mintDownstreamStep: FlowStep = {
  from: "server", to: "server", label: "mint a ≤ 60 s downstream token",
  text: "Its only audience is the downstream service (this app refuses it), at most 60 s and never past the credential that bought it: too short-lived for revocation to matter.",
  code: "lib/auth/downstream-token.ts",
};

/** How the downstream service checks a token, whoever handed it over (lib/downstream/*). */
export const downstreamVerifySteps: FlowStep[] = [
  { from: "downstream", to: "server", label: "GET /.well-known/jwks.json", text: "On its first token, when its copy is older than a minute, or for an unknown kid. Served from the app's key-set copy: no database read per call. A copy it cannot refresh is trusted for 5 minutes at most (DOWNSTREAM_JWKS_MAX_AGE_SECONDS), then it answers 503 jwks_stale.", code: "lib/downstream/key-set.ts" },
  { from: "server", to: "downstream", reply: true, label: "public keys", text: "Public keys only: the downstream service holds no secret." },
  { from: "downstream", to: "downstream", label: "the app's policy, its own aud", text: "No database and no secret, the app's own verification policy: the public key by kid, issuer, typ, its own audience alone, required claims, exp, iat and a life of at most 60 s.", code: "lib/auth/jwt/token/policy.ts" },
];

/** After a logout, at the downstream service: the downstream token minted before it still works. */
export const downstreamTokenAfterLogoutSteps: FlowStep[] = [
  { from: "browser", to: "downstream", label: "a copied downstream token", text: "Someone kept a copy of a token the exchange minted before the logout." },
  { from: "downstream", to: "browser", reply: true, label: "accepted until its exp (≤ 60 s)", text: "Nothing after issue reaches this service: the token's short life is the bound." },
];

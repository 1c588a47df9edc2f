import type { FlowKind, FlowStep } from "./flow-types";
import { downstreamTokenAfterLogoutSteps, downstreamVerifySteps, mintDownstreamStep, passwordCheckSteps, replayedCopySteps } from "./shared-steps";

/** JWT mode, message by message, as lib/auth/jwt/*, the DAL and lib/http/refresh-api.ts do it. */

/** JWT_REVOCATION_CHECK as lib/env.ts reads it ("strict" is already mapped to "denylist"). */
export type RevocationCheck = "none" | "denylist";

const sign: FlowStep = {
  from: "server", to: "server", label: "sign the access token",
  text: "EdDSA with the active key's kid, from this process's copy of the key set (HS256 with JWT_ALG=HS256): typ at+jwt, sub, role, ver, fid, jti, iat, exp (15 min by default), iss, aud (this app alone: another service gets a token of its own through the exchange).",
  code: "jwt/token/token.ts",
};

const setBoth: FlowStep = {
  from: "server", to: "browser", reply: true, label: "Set-Cookie: access + refresh",
  text: "The access token for Path=/, the refresh token for Path=/api/jwt only; API clients get both in the JSON answer.", code: "jwt/strategy.ts issueJwtCredential",
};

function revocationRead(check: RevocationCheck): FlowStep {
  if (check === "none") {
    return { from: "server", to: "server", label: "no revocation read", text: "JWT_REVOCATION_CHECK=none: signature and exp decide alone; a logged-out copy works until exp.", code: "jwt/revocation/check.ts" };
  }
  return {
    from: "server", to: "database", access: "read", label: "SELECT version, disabled, revoked jti",
    text: "JWT_REVOCATION_CHECK=denylist (the default): one statement reads the user's token version and disabled flag and whether the jti or its refresh family was revoked. Unreadable → 503 (JWT_REVOCATION_FAIL=closed, the default) or accepted (open).",
    code: "jwt/revocation/check.ts readAccountState",
  };
}

function replayedCopy(check: RevocationCheck): FlowStep[] {
  if (check === "none") {
    return [
      { from: "browser", to: "server", label: "a copy of the token, later", text: "Someone kept a copy of the access token and presents it after the logout." },
      { from: "server", to: "browser", reply: true, label: "accepted until exp", text: "JWT_REVOCATION_CHECK=none: nothing is read, so the denylist entry is never consulted." },
    ];
  }
  return replayedCopySteps("token", { label: "SELECT: jti revoked", text: "The revocation read finds the jti (and the family) on the denylist.", code: "jwt/revocation/check.ts" });
}

export const jwtFlows = (check: RevocationCheck): Record<FlowKind, FlowStep[]> => ({
  login: [
    ...passwordCheckSteps("jwt"),
    {
      from: "server", to: "database", access: "write", label: "INSERT refresh family + token",
      text: "A new refresh family and its first refresh token, stored as a hash, in one create.", code: "jwt/refresh/store.ts createFamily",
    },
    sign,
    {
      from: "server", to: "database", access: "sometimes", label: "revoke the replaced login",
      text: "Only when this browser still held an older token: its family is revoked and its jti denylisted.", code: "lib/auth/methods/complete-sign-in.ts",
    },
    setBoth,
  ],
  request: [
    { from: "browser", to: "proxy", label: "GET /jwt/dashboard + access token", text: "The access-token cookie (the refresh cookie stays behind: its path is /api/jwt), or Authorization: Bearer to the API." },
    { from: "proxy", to: "proxy", label: "verify signature, exp (no DB)", text: "Signature, alg, iss, aud, typ and exp against the keys this process holds. Missing or expired → the refresh endpoint.", code: "proxy.ts, auth/jwt/edge.ts" },
    { from: "proxy", to: "server", label: "pass on (+ CSP nonce)", text: "Optimistic: a logged-out token still gets through to here.", code: "proxy.ts" },
    { from: "server", to: "server", label: "verifyAuth(\"jwt\")", text: "The same verification, authoritative, once per request (memoised per token until its exp).", code: "lib/auth/dal.ts" },
    revocationRead(check),
    {
      from: "server", to: "database", access: "sometimes", label: "SELECT name for display",
      text: "Only pages that show who you are, like the dashboard: the token carries no personal data. Not part of the auth check.", code: "lib/auth/dal.ts getProfile",
    },
    { from: "server", to: "browser", reply: true, label: "the page", text: "No new cookie: the token is the same until it expires." },
  ],
  refresh: [
    { from: "browser", to: "proxy", label: "GET /jwt/dashboard", text: "A page request whose access token is missing or expired." },
    { from: "proxy", to: "browser", reply: true, label: "redirect → /api/jwt/refresh", text: "To GET /api/jwt/refresh?next=…: the only path the refresh cookie is sent to.", code: "auth/jwt/edge.ts recoveryPath" },
    { from: "browser", to: "server", label: "GET /api/jwt/refresh + refresh cookie", text: "API clients POST {refreshToken} instead.", code: "lib/http/refresh-api.ts" },
    { from: "server", to: "database", access: "read", label: "SELECT token ⋈ family ⋈ user", text: "The refresh token, its family and its user, in one join.", code: "jwt/refresh/store.ts findRefresh" },
    {
      from: "server", to: "server", label: "judge: expired, revoked, reused?",
      text: "A revoked or expired family or a disabled user → refused. Used before, outside the grace window (10 s by default) → reuse, a theft: the whole family is revoked.",
      code: "jwt/refresh/rules.ts",
    },
    { from: "server", to: "database", access: "write", label: "INSERT successor, mark used", text: "Rotation: the successor is stored and this token marked used (or, on reuse, the family revoked).", code: "jwt/refresh/rotation.ts rotateRefreshToken" },
    { ...sign, text: "From the user row as it is now (role, token version): a role change shows up here." },
    { ...setBoth, label: "303 back + both cookies", text: "Back to the page it asked for, with a new access token and the successor refresh token." },
  ],
  logout: [
    { from: "browser", to: "server", label: "POST logout", text: "The logout form, or POST /api/jwt/logout (which also receives the refresh cookie)." },
    { from: "server", to: "server", label: "verify → jti, exp, fid", text: "The token names itself (jti), its expiry and its refresh family.", code: "jwt/strategy.ts signOut" },
    { from: "server", to: "database", access: "write", label: "denylist the jti until exp", text: "Durable, in the database, never only in a cache; expired entries are purged on the way.", code: "jwt/revocation/denylist.ts" },
    { from: "server", to: "database", access: "write", label: "revoke the refresh family", text: "No new access tokens from this login; its family is denylisted too (fid), for a refresh racing the logout.", code: "jwt/refresh/rotation.ts revokeLogin" },
    { from: "server", to: "browser", reply: true, label: "clear both cookies", text: "Other tabs of this mode are told through BroadcastChannel." },
    ...replayedCopy(check),
    { from: "browser", to: "downstream", label: "the same copy, elsewhere", text: "Sent to a service that holds only the public keys." },
    { from: "downstream", to: "browser", reply: true, label: "refused: not its audience", text: "The access token names this app alone (aud): token_wrong_aud, logout or not." },
    ...downstreamTokenAfterLogoutSteps,
  ],
  downstream: [
    { from: "browser", to: "server", label: "POST /api/jwt/token + access token", text: "The token exchange (RFC 8693 in spirit): the dashboard's \"Call the downstream service\" button, or an API client with the cookie or Bearer.", code: "lib/http/downstream-token-api.ts" },
    { from: "server", to: "server", label: "verify signature, iss, aud, exp", text: "The app's own check of its access token, as on every request.", code: "jwt/strategy.ts verifyForExchange" },
    {
      from: "server", to: "database", access: "read", label: "SELECT version, disabled, revoked jti",
      text: "Always, whatever JWT_REVOCATION_CHECK says, never from a cache and never failing open: a logged-out token must not buy a token nobody can revoke.",
      code: "jwt/revocation/check.ts checkRevocation",
    },
    mintDownstreamStep,
    { from: "server", to: "browser", reply: true, label: "{token, expiresIn ≤ 60}", text: "The access token itself never goes to the other service." },
    { from: "browser", to: "downstream", label: "GET /whoami, Bearer downstream token", text: "The exchanged token, sent by the app (the dashboard's button) or by the API client.", code: "lib/downstream/server.ts" },
    ...downstreamVerifySteps,
    { from: "downstream", to: "browser", reply: true, label: "200 + the claims", text: "Nothing the app learned after issue (logout, role change, disable) reaches this answer before the token's exp, at most 60 s away." },
  ],
});

import type { FlowKind, FlowStep } from "./flow-types";

/** JWT mode, step by step, as lib/auth/jwt/*, the DAL and lib/http/refresh-api.ts do it. */
export const jwtFlows: Record<FlowKind, FlowStep[]> = {
  login: [
    { lane: "browser", text: "Submits e-mail and password (the form's Server Action, or POST /api/jwt/login).", code: "app/actions/auth.ts" },
    { lane: "database", db: "read", text: "Reads the user by e-mail; argon2id checks the password.", code: "lib/users.ts" },
    { lane: "database", db: "write", text: "Inserts a refresh family and its first refresh token, stored hashed.", code: "jwt/refresh-store.ts createFamily" },
    { lane: "server", text: "Signs the access token: EdDSA with the active key's kid (HS256 with JWT_ALG=HS256), typ at+jwt, sub, role, ver, fid, jti, iat, exp (15 min by default), iss, aud (this app and the downstream service).", code: "jwt/token.ts" },
    { lane: "server", text: "Sets two cookies: the access token (Path=/) and the refresh token (Path=/api/jwt only).", code: "jwt/strategy.ts" },
    { lane: "browser", text: "Holds a readable, signed token; API clients get both tokens in the JSON answer." },
  ],
  request: [
    { lane: "browser", text: "Sends the access-token cookie (the refresh cookie stays behind), or Authorization: Bearer to the API." },
    { lane: "proxy", text: "Verifies signature, alg, iss, aud, typ and exp. Missing or expired → the refresh endpoint.", code: "proxy.ts, auth/jwt/edge.ts" },
    { lane: "server", text: "verifyAuth(\"jwt\"): the same verification, authoritative, once per request.", code: "lib/auth/dal.ts" },
    {
      lane: "database",
      db: "sometimes",
      text: "JWT_REVOCATION_CHECK: none reads nothing; denylist (the default; strict is its old name) reads the user's token version, disabled flag and whether the jti was revoked, in one statement. Unreadable → 503 (JWT_REVOCATION_FAIL=closed, the default) or accepted (open).",
      code: "jwt/revocation.ts",
    },
    { lane: "browser", text: "Gets the page. The dashboard then reads the user's name for display — outside the auth check: the token has no personal data." },
  ],
  refresh: [
    { lane: "proxy", text: "A page request without a valid access token is redirected to GET /api/jwt/refresh?next=…", code: "auth/jwt/edge.ts recoveryPath" },
    { lane: "browser", text: "Follows it; only this path receives the refresh cookie (API clients POST {refreshToken})." },
    { lane: "database", db: "read", text: "Reads the refresh token, its family and its user in one join.", code: "jwt/refresh-store.ts findRefresh" },
    { lane: "server", text: "Revoked or expired family, disabled user → refused. Used before, outside the grace window (10 s by default) → reuse, a theft.", code: "jwt/refresh-rules.ts" },
    { lane: "database", db: "write", text: "Rotation: stores the successor and marks this token used — or, on reuse, revokes the whole family.", code: "jwt/refresh.ts rotateRefreshToken" },
    { lane: "server", text: "Signs a new access token from the user row as it is now (role, version); sets both cookies.", code: "jwt/renew.ts" },
    { lane: "browser", text: "303 back to the page it asked for." },
  ],
  logout: [
    { lane: "browser", text: "Posts the logout form (or POST /api/jwt/logout, which also receives the refresh cookie)." },
    { lane: "server", text: "Verifies the token to learn its jti, exp and refresh family (fid).", code: "jwt/strategy.ts signOut" },
    { lane: "database", db: "write", text: "Denylists the jti until exp in the database (durable: never only in a cache) and purges expired entries.", code: "jwt/denylist.ts" },
    { lane: "database", db: "write", text: "Revokes the refresh family: no new access tokens from this login.", code: "jwt/refresh-store.ts revokeFamily" },
    { lane: "server", text: "Clears both cookies." },
    { lane: "browser", text: "A copied access token: refused here by the denylist (unless the check is none); accepted until exp by a service holding only the key." },
  ],
};

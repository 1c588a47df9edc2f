import "server-only";

import { authCookieName } from "../auth/cookies.ts";
import { edges } from "../auth/edge-registry.ts";
import { parseBearer } from "../auth/request.ts";
import { verifyDownstreamTokenWithAppKeys } from "../auth/jwt/verify/access-keys.ts";
import { DOWNSTREAM_TOKEN_MAX_SECONDS } from "../downstream/token-kind.ts";
import { json, jsonError } from "./json.ts";

/**
 * Two stand-ins for "another service" behind this app, used by the stolen-credential lab.
 * Neither imports the DAL or the denylist (the imports show it): they know what such a
 * service knows — the verification keys — and nothing that changed after issue. (With EdDSA
 * the keys come from this app's key set; `npm run downstream` is the separate service that
 * only has the JWKS.)
 */

/**
 * GET /api/downstream/jwt: a downstream token (POST /api/<mode>/token), checked as the
 * downstream service checks it. An app access token is refused (token_wrong_aud): it was never
 * meant for another service. A logout cannot reach a downstream token; its ≤ 60 s life can.
 */
export async function apiDownstreamJwt(request: Request): Promise<Response> {
  const token = parseBearer(request.headers.get("authorization"));
  if (token === null) return jsonError(401, "no_credential", "Send a downstream token (POST /api/<mode>/token) as Authorization: Bearer.");
  const now = new Date();
  const verified = await verifyDownstreamTokenWithAppKeys(token, now);
  if (!verified.ok) return jsonError(401, verified.code, verified.message);
  const { sub, role, jti, exp, src } = verified.claims;
  return json({
    service: "downstream: holds the verification key, no database",
    accepted: true,
    user: { id: sub, role },
    token: { jti, src, expiresAt: new Date(exp * 1000).toISOString(), secondsLeft: Math.max(0, exp - Math.floor(now.getTime() / 1000)) },
    checked: ["signature (the key by kid)", "iss", "aud = the downstream service alone", "typ at+jwt", "exp", `iat, and a life of at most ${DOWNSTREAM_TOKEN_MAX_SECONDS} s`],
    notChecked: ["logout (the denylist)", "the session row or refresh family", "the user's current role, version or disabled flag"],
  });
}

function cookieValue(header: string | null, name: string): string | null {
  for (const pair of header?.split(/;\s*/) ?? []) {
    if (pair.startsWith(`${name}=`)) return pair.slice(name.length + 1);
  }
  return null;
}

/**
 * GET /api/downstream/session: a service without the session store cannot say yes or no.
 * The seal is checked only to show how little that proves (this demo shares SESSION_SECRET
 * with it; a real downstream service would not even have that). 501: the decision is not
 * something this service can implement, only the store's owner can.
 */
export async function apiDownstreamSession(request: Request): Promise<Response> {
  const seal = cookieValue(request.headers.get("cookie"), authCookieName("session"));
  if (!seal) return jsonError(401, "no_credential", "Send the session cookie.");
  const sealIntact = await edges.session.peek(seal, new Date());
  return jsonError(501, "session_store_required", "A service without the session store cannot decide whether this session is valid.", {
    sealIntact,
    decided: false,
    why: "The cookie only names a Session row; logout, revocation, idle and absolute expiry all live in that row.",
    wouldNeed: "Read access to the Session table, or a call to the auth service (GET /api/session/me).",
  });
}

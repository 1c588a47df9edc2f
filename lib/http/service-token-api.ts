import "server-only";

import { mintServiceToken } from "../auth/service-token.ts";
import { authenticate, crossSite } from "./auth-api.ts";
import { json, jsonError } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";

/**
 * POST /api/session/token: the session cookie (checked against its row: a revoked session gets
 * nothing) buys a ≤ 60 s token for the downstream service. Same-origin only: a cross-site page
 * must not be able to mint tokens on the user's cookie.
 */
export async function apiSessionServiceToken(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const auth = await authenticate("session");
  if (!auth.ok) return auth.response;
  const minted = await mintServiceToken(auth.principal, new Date());
  if (!minted.ok) return jsonError(501, minted.code, minted.message);
  return json({ token: minted.token, expiresAt: minted.expiresAt.toISOString() });
}

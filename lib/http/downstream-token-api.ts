import "server-only";

import { verifyAuthForExchange } from "../auth/dal.ts";
import { mintDownstreamToken } from "../auth/downstream-token.ts";
import type { AuthMode } from "../auth/types.ts";
import { crossSite } from "./auth-api.ts";
import { json, jsonError } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";

/**
 * POST /api/<mode>/token: the token exchange, one shape for both modes (RFC 8693 in spirit).
 * The mode's credential — cookie, or Bearer where the mode takes it — checked completely
 * (revocation included, nothing cached, never failing open), buys a ≤ 60 s token whose only
 * audience is the downstream service. Same-origin only: a cross-site page must not be able to
 * mint tokens on the user's cookie.
 */
export async function apiDownstreamToken(mode: AuthMode, request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const check = await verifyAuthForExchange(mode);
  if (!check.ok) return jsonError(check.status ?? 401, check.code, check.message);
  const minted = await mintDownstreamToken(check.principal, new Date());
  if (!minted.ok) return jsonError(minted.status ?? 401, minted.code, minted.message);
  const { token, claims, expiresAt } = minted;
  return json({
    token,
    tokenType: "Bearer",
    // RFC 8693 §2.2.1's names for what was issued, for whom, and for how long.
    issuedTokenType: "urn:ietf:params:oauth:token-type:access_token",
    audience: claims.aud,
    expiresIn: claims.exp - claims.iat,
    expiresAt: expiresAt.toISOString(),
  });
}

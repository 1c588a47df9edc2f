import "server-only";

import { z } from "zod";
import { ENDED_NOTICE_COOKIE_SECONDS, REFRESH_COOKIE_PATH, clearCookie, endedNoticeCookieName, refreshCookieName } from "../auth/cookies.ts";
import type { EndedNoticeCode } from "../auth/ended-notice.ts";
import { renewJwtCredential } from "../auth/jwt/renew.ts";
import { dashboardPath, loginPath, safeNextPath } from "../auth/next-path.ts";
import { readCookies, writeCookies } from "../auth/request.ts";
import { readJsonBody } from "./body.ts";
import { json, jsonError } from "./json.ts";
import { crossSite } from "./auth-api.ts";
import { isCrossSiteRequest } from "./origin.ts";

/** POST /api/jwt/refresh (JSON clients and scripts) and GET (the proxy's page refresh). */

const refreshBodySchema = z.object({ refreshToken: z.string({ error: "refreshToken is required." }).min(1).max(256) });

async function refreshCookie(): Promise<string | undefined> {
  return (await readCookies([refreshCookieName()]))[refreshCookieName()];
}

/**
 * The refresh cookie is spent; if the family said why it ended, the login page may tell this
 * browser — the one that held it — through a short-lived cookie with a code from a fixed list.
 */
function clearRefreshCookie(endedNotice?: EndedNoticeCode) {
  const notice = endedNotice ? [{ name: endedNoticeCookieName("jwt"), value: endedNotice, maxAge: ENDED_NOTICE_COOKIE_SECONDS }] : [];
  return writeCookies([clearCookie(refreshCookieName(), REFRESH_COOKIE_PATH), ...notice]);
}

export async function apiRefresh(request: Request): Promise<Response> {
  // Both ways set cookies, and setting cookies from a token the caller chose is a login:
  // neither may be started by another site.
  if (isCrossSiteRequest(request)) return crossSite();
  const hasBody = (request.headers.get("content-length") ?? "0") !== "0" || request.headers.has("content-type");
  let presented: string | undefined;
  if (hasBody) {
    const body = await readJsonBody(request, refreshBodySchema);
    if (!body.ok) return body.response;
    presented = body.data.refreshToken;
  } else {
    presented = await refreshCookie();
  }
  if (!presented) return jsonError(401, "no_refresh_token", "Send the refresh cookie or {\"refreshToken\"}.");
  const renewed = await renewJwtCredential(presented, new Date());
  if (!renewed.ok) {
    if (!hasBody) await clearRefreshCookie(renewed.endedNotice);
    return jsonError(renewed.status ?? 401, renewed.code, renewed.message);
  }
  await writeCookies(renewed.cookies, { mode: "jwt", userId: renewed.claims.sub });
  return json(renewed.apiFields);
}

/**
 * The proxy sends a page request here when its access token is missing or expired: the
 * refresh cookie is scoped to /api/jwt, so only this endpoint ever sees it. Success goes
 * back to the page; anything else goes to the login page.
 */
export async function pageRefresh(request: Request): Promise<Response> {
  // A script's fetch, not a page load, spends nothing here. The one that matters: a Server
  // Action that finds no access token redirects here, and Next fetches the redirect target on
  // the server with the action's cookies — which never include the refresh cookie (scoped to
  // /api/jwt) — then rendered the login page it was sent on to under this address, over the
  // form the user had filled in. An empty, non-RSC answer makes the client router load this
  // address as a page instead, with the refresh cookie, and come back (e2e/jwt-expired-form.spec.ts).
  if (isScriptFetch(request)) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const requested = safeNextPath(new URL(request.url).searchParams.get("next"));
  const next = requested?.startsWith("/jwt/") ? requested : dashboardPath("jwt");
  const presented = await refreshCookie();
  const renewed = presented ? await renewJwtCredential(presented, new Date()) : null;
  if (renewed?.ok) {
    await writeCookies(renewed.cookies, { mode: "jwt", userId: renewed.claims.sub });
    return redirect(request, next);
  }
  if (presented) await clearRefreshCookie(renewed && !renewed.ok ? renewed.endedNotice : undefined);
  return redirect(request, loginPath("jwt", next));
}

/** Sec-Fetch-Mode is "navigate" for a page load; fetch() sends "cors" (Node's fetch too). */
function isScriptFetch(request: Request): boolean {
  const mode = request.headers.get("sec-fetch-mode");
  return mode !== null && mode !== "navigate";
}

function redirect(request: Request, path: string): Response {
  // Relative (RFC 9110 §10.2.2): the browser resolves it against the host it actually used,
  // which behind a proxy or on a LAN address is not the one Next sees in request.url.
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

import "server-only";

import { z } from "zod";
import { refreshCookieName } from "../auth/cookies.ts";
import { headers } from "next/headers";
import { verifyAuth } from "../auth/dal.ts";
import { strategies } from "../auth/registry.ts";
import { readCredential } from "../auth/request.ts";
import { credentialsSchema, signInWithPassword } from "../auth/methods/password/sign-in.ts";
import { signOutCredential } from "../auth/sign-out.ts";
import { AUTH_MODES, type AuthMode, type Principal } from "../auth/types.ts";
import type { AuthUser } from "../users.ts";
import { readJsonBody } from "./body.ts";
import { json, jsonError, noContent } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";
import { passwordChecksBusyResponse } from "../password-budget/busy.ts";
import { PLAIN_HTTP_LOGIN_REFUSED } from "../auth/insecure-login.ts";

/** The JSON API's login, logout and me, written once for both modes. */

export function crossSite(): Response {
  return jsonError(403, "cross_site_request", "Cookie-authenticated changes must come from this site.");
}

/** 403: a login over plain HTTP off loopback (lib/auth/insecure-login.ts), with where to go instead. */
export function insecureTransport(localhostUrl: string): Response {
  return jsonError(403, "insecure_transport", PLAIN_HTTP_LOGIN_REFUSED, { localhostUrl });
}

function publicUser(user: AuthUser) {
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export async function apiLogin(mode: AuthMode, request: Request): Promise<Response> {
  // Login CSRF: a forged login would sign the victim into the attacker's account.
  if (isCrossSiteRequest(request)) return crossSite();
  const body = await readJsonBody(request, credentialsSchema);
  if (!body.ok) return body.response;
  const outcome = await signInWithPassword(mode, body.data);
  if (!outcome.ok && outcome.reason === "too_many_attempts") {
    const response = jsonError(429, "too_many_attempts", `Too many failed logins. Try again in ${outcome.retryAfterSeconds} s.`);
    response.headers.set("Retry-After", String(outcome.retryAfterSeconds));
    return response;
  }
  if (!outcome.ok && outcome.reason === "busy") return passwordChecksBusyResponse(outcome.retryAfterSeconds);
  if (!outcome.ok && outcome.reason === "insecure_transport") return insecureTransport(outcome.localhostUrl);
  if (!outcome.ok && outcome.reason === "store_unavailable") {
    const response = jsonError(503, "store_unavailable", "Logging in is unavailable right now (the user store is unreachable); try again shortly.");
    response.headers.set("Retry-After", "5");
    return response;
  }
  if (!outcome.ok && outcome.reason === "throttle_unavailable") return jsonError(503, "throttle_unavailable", "Logins are paused: the attempt counter cannot be read. Try again shortly.");
  if (!outcome.ok) return jsonError(401, "invalid_credentials", "Wrong e-mail or password.");
  return json({
    user: publicUser(outcome.user),
    expiresAt: outcome.issued.principal.expiresAt.toISOString(),
    ...outcome.issued.apiFields,
  });
}

const logoutBodySchema = z.object({ refreshToken: z.string().max(256).optional() });

/**
 * JSON clients get 204 and may send `{refreshToken}` (their access token may have expired,
 * and the refresh family is what must end). The logout buttons post an HTML form here —
 * the refresh cookie is scoped to /api/jwt, so only here does logout see it — and are
 * sent back to the login page. Always same-site: a cookie may ride along even with a Bearer.
 */
export async function apiLogout(mode: AuthMode, request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const type = request.headers.get("content-type") ?? "";
  const fromForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(type);
  let extra: Record<string, string | undefined> = {};
  if (/^application\/json/i.test(type)) {
    // The body is optional extra help, never a reason to refuse: a logout that fails on an
    // empty or broken body leaves the caller logged in, and what ends the login is the
    // credential this request carries, not what it says.
    const body = await readJsonBody(request, logoutBodySchema);
    if (body.ok && body.data.refreshToken) extra = { [refreshCookieName()]: body.data.refreshToken };
  }
  const credential = await readCredential(mode, strategies[mode].acceptsBearer);
  await signOutCredential(mode, credential?.value ?? null, extra);
  if (!fromForm) return noContent();
  return new Response(null, {
    status: 303,
    // Relative, like the refresh redirect: resolved against the host the browser used.
    headers: { Location: `/${mode}/login?signedOut=1`, "Cache-Control": "no-store" },
  });
}

/** 401 with the reason's code, or the principal; for every authenticated route handler. */
export async function authenticate(mode: AuthMode): Promise<{ ok: true; principal: Principal } | { ok: false; response: Response }> {
  const check = await verifyAuth(mode);
  if (check.ok) return { ok: true, principal: check.principal };
  return { ok: false, response: jsonError(check.status ?? 401, check.code, check.message) };
}

export async function apiMe(mode: AuthMode): Promise<Response> {
  const auth = await authenticate(mode);
  if (!auth.ok) return auth.response;
  const { principal } = auth;
  const user = { id: principal.userId, role: principal.role, ...principal.profile };
  return json({
    user,
    [strategies[mode].describe().credentialLabel]: principal.api,
  });
}

/** Who is calling, or the error response to send back; `viaCookie` decides whether CSRF checks apply. */
export type ApiCaller = { ok: true; principal: Principal; viaCookie: boolean } | { ok: false; response: Response };

/**
 * For endpoints open to both modes: a Bearer header means JWT; otherwise the first mode
 * whose cookie verifies. `viaCookie` tells the caller whether CSRF checks apply.
 */
export async function authenticateAny(): Promise<ApiCaller> {
  let firstFailure: Response | null = null;
  const bearerModes = AUTH_MODES.filter((mode) => strategies[mode].acceptsBearer);
  const hasBearer = (await headers()).get("authorization")?.match(/^Bearer\s/i) != null;
  for (const mode of hasBearer ? bearerModes : AUTH_MODES) {
    const check = await verifyAuth(mode);
    if (check.ok) return { ok: true, principal: check.principal, viaCookie: check.credential.source === "cookie" };
    if (check.credential) firstFailure ??= jsonError(check.status ?? 401, check.code, check.message);
  }
  return { ok: false, response: firstFailure ?? jsonError(401, "no_credential", "Not logged in.") };
}

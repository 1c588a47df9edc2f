import "server-only";

import { z } from "zod";
import { changePassword, changeUserRole, newPasswordSchema, setUserDisabled } from "../account.ts";
import { renewPresentedCredential } from "../auth/renew-credential.ts";
import { findUserById, roleSchema } from "../users.ts";
import { authenticateAny, crossSite } from "./auth-api.ts";
import { readJsonBody } from "./body.ts";
import { json, jsonError } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";

/** Account events, open to both modes: what each mode can and cannot end is in the answer. */

const passwordBodySchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});

async function authenticated(request: Request) {
  const auth = await authenticateAny();
  if (auth.ok && auth.viaCookie && isCrossSiteRequest(request)) return { ok: false as const, response: crossSite() };
  return auth;
}

export async function apiChangePassword(request: Request): Promise<Response> {
  const auth = await authenticated(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, passwordBodySchema);
  if (!body.ok) return body.response;
  const { principal } = auth;
  const result = await changePassword({ userId: principal.userId, ...body.data, current: principal.handles }, new Date());
  if (!result.ok && result.code === "too_many_attempts") {
    const response = jsonError(429, "too_many_attempts", `Too many wrong current passwords. Try again in ${result.retryAfterSeconds} s.`);
    response.headers.set("Retry-After", String(result.retryAfterSeconds));
    return response;
  }
  if (!result.ok) {
    return result.code === "wrong_password"
      ? jsonError(403, "wrong_password", "The current password is wrong.")
      : jsonError(401, "user_gone", "This account no longer exists or is disabled.");
  }
  // The credential that made the change is replaced (cookies for a browser, the body for a
  // Bearer client): a copy of it is refused from now on.
  const renewed = await renewPresentedCredential(principal.mode, result.user, { setCookies: auth.viaCookie });
  return json({
    revokedSessions: result.ended.session,
    revokedFamilies: result.ended.jwt,
    renewed: true,
    expiresAt: renewed.principal.expiresAt.toISOString(),
    ...renewed.apiFields,
    note: "Every other session and refresh family is gone, and access tokens issued before now are refused (their token version is stale). The credential used here was replaced by the one in this answer or its Set-Cookie.",
  });
}

/**
 * Privilege is read from the user row, never from a token's claims: a JWT keeps the role it
 * was issued with until exp, and a demoted or disabled admin must not act on it. One read,
 * on rare endpoints; a token issued before a revoking event (version bump) is refused too.
 */
export async function requireAdmin(request: Request) {
  const auth = await authenticated(request);
  if (!auth.ok) return auth;
  const user = await findUserById(auth.principal.userId);
  const issuedVersion = auth.principal.handles.tokenVersion;
  if (!user || (issuedVersion !== undefined && issuedVersion !== user.tokenVersion)) {
    return { ok: false as const, response: jsonError(401, "token_stale", "Log in again: this credential predates a change to the account.") };
  }
  if (user.role !== "admin") return { ok: false as const, response: jsonError(403, "forbidden", "Admins only.") };
  return auth;
}

export async function apiSetDisabled(request: Request, userId: string, disabled: boolean): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  if (disabled && userId === auth.principal.userId) return jsonError(409, "cannot_disable_self", "Admins cannot disable themselves.");
  const result = await setUserDisabled(userId, disabled, new Date());
  if (!result.found) return jsonError(404, "user_not_found", "No user has that id.");
  return json({ userId, disabled, revokedSessions: result.ended.session, revokedFamilies: result.ended.jwt });
}

const roleBodySchema = z.object({ role: roleSchema });

export async function apiSetRole(request: Request, userId: string): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, roleBodySchema);
  if (!body.ok) return body.response;
  const change = await changeUserRole(userId, body.data.role);
  if (!change.ok && change.code === "last_admin") {
    return jsonError(409, "last_admin", "This is the only active admin: promote someone else first, or nobody could manage users again.");
  }
  if (!change.ok) return jsonError(404, "user_not_found", "No user has that id.");
  return json({ userId, role: body.data.role });
}

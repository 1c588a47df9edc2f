import "server-only";

import { z } from "zod";
import { changePassword, newPasswordSchema } from "../auth/methods/password/change.ts";
import { renewPresentedCredential } from "../auth/renew-credential.ts";
import { authenticateAny, crossSite, type ApiCaller } from "./auth-api.ts";
import { readJsonBody } from "./body.ts";
import { json, jsonError } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";
import { passwordChecksBusyResponse } from "../password-budget/busy.ts";
import { CREDENTIAL_ENDED_TEXT } from "../auth/methods/password/change-throttle.ts";
import { signOutCurrent } from "../auth/sign-out.ts";

/** Account events, open to both modes: what each mode can and cannot end is in the answer. */

const passwordBodySchema = z.object({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});

export async function authenticated(request: Request): Promise<ApiCaller> {
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
  if (!result.ok && result.code === "busy") return passwordChecksBusyResponse(result.retryAfterSeconds);
  if (!result.ok && result.code === "credential_ended") {
    // The credential that guessed too often is ended (its cookies cleared); the owner's others stay.
    await signOutCurrent(principal.mode);
    return jsonError(401, "credential_ended", CREDENTIAL_ENDED_TEXT);
  }
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

import "server-only";

import { dashboardPath } from "../auth/next-path.ts";
import { requestMeta } from "../auth/request.ts";
import { signInWithPassword } from "../auth/methods/password/sign-in.ts";
import { registerAccount } from "../register/register.ts";
import { registrationSchema } from "../register/schema.ts";
import { refusePlainHttpLogin } from "../auth/insecure-login.ts";
import { crossSite, insecureTransport } from "./auth-api.ts";
import { readJsonBody } from "./body.ts";
import { json, jsonError } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";
import { passwordChecksBusyResponse } from "../password-budget/busy.ts";

/**
 * POST /api/register `{email, password, name, mode?}`. A free and a taken address get the same
 * 201 and body (lib/register/register.ts says why, and what still differs: the cookie). The
 * body never carries a token, even in JWT mode: it would differ between the two cases.
 */
export async function apiRegister(request: Request): Promise<Response> {
  // Like login CSRF: a forged sign-up would log the victim in to an account the attacker knows.
  if (isCrossSiteRequest(request)) return crossSite();
  const body = await readJsonBody(request, registrationSchema);
  if (!body.ok) return body.response;
  // A sign-up logs in: refused where a login would be, before the account is made.
  const insecure = await refusePlainHttpLogin(body.data.mode);
  if (insecure) return insecureTransport(insecure.localhostUrl);
  const outcome = await registerAccount(body.data, await requestMeta(), signInWithPassword);
  if (!outcome.ok && outcome.reason === "too_many_attempts") {
    const response = jsonError(429, "too_many_attempts", `Too many sign-up attempts. Try again in ${outcome.retryAfterSeconds} s.`);
    response.headers.set("Retry-After", String(outcome.retryAfterSeconds));
    return response;
  }
  if (!outcome.ok && outcome.reason === "busy") return passwordChecksBusyResponse(outcome.retryAfterSeconds);
  if (!outcome.ok) {
    return jsonError(422, "weak_password", outcome.warning ?? "This password is too easy to guess.", {
      warning: outcome.warning,
      suggestions: outcome.suggestions,
    });
  }
  return json(
    {
      registered: true,
      mode: outcome.mode,
      next: dashboardPath(outcome.mode),
      message: "If this address was free, the account now exists and this client is logged in. Otherwise, log in with the existing account.",
    },
    { status: 201 },
  );
}

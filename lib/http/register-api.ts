import "server-only";

import { requestMeta } from "../auth/request.ts";
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
 * 202 and body, and no cookie either way (lib/register/register.ts): the message sent to the
 * address finishes the sign-up or says the account exists.
 */
/** The one answer to every sign-up that got this far, whichever the method and the address. */
export const SIGN_UP_SENT_MESSAGE =
  "A message was sent to the address. If it can sign up, its link creates the account and logs you in; if it already has an account, the message says so.";

export async function apiRegister(request: Request): Promise<Response> {
  // Like login CSRF: a forged sign-up would log the victim in to an account the attacker knows.
  if (isCrossSiteRequest(request)) return crossSite();
  const body = await readJsonBody(request, registrationSchema);
  if (!body.ok) return body.response;
  // A sign-up logs in: refused where a login would be, before the account is made.
  const insecure = await refusePlainHttpLogin(body.data.mode);
  if (insecure) return insecureTransport(insecure.localhostUrl);
  const outcome = await registerAccount(body.data, await requestMeta());
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
      status: "check_your_email",
      mode: outcome.mode,
      message: SIGN_UP_SENT_MESSAGE,
    },
    { status: 202 },
  );
}

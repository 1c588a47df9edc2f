import "server-only";

import { getConfig } from "../../../env.ts";
import type { AuthUser } from "../../../users.ts";
import { completeSignIn, type CompletedSignIn } from "../complete-sign-in.ts";
import { requestMeta, writeCookies } from "../../request.ts";
import type { AuthMode } from "../../types.ts";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, issueDeviceCookie } from "./trusted-browser.ts";

/**
 * Logs in a user whom the sign-up confirmation link has just proven (they read the mailbox and
 * made the credential at sign-up): for a password, this browser gets the account's device
 * cookie, as after a password login (it only spares password logins the throttle, so a passkey
 * sign-up gets none); then the step every method shares issues the mode's credential, named by
 * the method used. The caller has refused plain HTTP off loopback before (refusePlainHttpLogin).
 */
export async function signInConfirmedSignUp(mode: AuthMode, user: AuthUser, method: "password" | "passkey"): Promise<CompletedSignIn> {
  const meta = await requestMeta();
  if (method === "password") {
    const device = issueDeviceCookie(user.email, getConfig().SESSION_SECRET);
    await writeCookies([{ name: deviceCookieName(), value: device.value, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS }]);
  }
  return completeSignIn(mode, user, meta, method);
}

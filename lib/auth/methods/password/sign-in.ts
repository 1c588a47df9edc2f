import "server-only";

import { z } from "zod";
import { getConfig } from "../../../env.ts";
import { errorText, logEvent } from "../../../log.ts";
import { normalizeEmail } from "../../../users.ts";
import { sharedState } from "../../../state/index.ts";
import { spendPasswordHashing } from "../../../password-budget/budget.ts";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, issueDeviceCookie, trustedDeviceId } from "./trusted-browser.ts";
import { chargeLoginAttempt, settleLoginSuccess, type ThrottlePolicy, type ThrottleVerdict } from "./throttle.ts";
import { checkCredentials } from "./credentials.ts";
import { completeSignIn, signInStoreUnavailable } from "../complete-sign-in.ts";
import { refusePlainHttpLogin } from "../../insecure-login.ts";
import { readCookies, requestMeta, writeCookies } from "../../request.ts";
import type { AuthMode } from "../../types.ts";
import type { SignInOutcome } from "../outcome.ts";

export type { SignInOutcome };

/** Login input, shared by the form action and the JSON API. Caps keep argon2 from hashing megabytes. */
export const credentialsSchema = z.object({
  email: z.string({ error: "Enter your e-mail address." }).trim().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long.").pipe(z.email("Enter a valid e-mail address.")),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type Credentials = z.infer<typeof credentialsSchema>;

function throttlePolicy(): ThrottlePolicy {
  const config = getConfig();
  return {
    maxFailuresPerDevice: config.LOGIN_MAX_FAILURES_PER_DEVICE,
    freeFailures: config.LOGIN_FREE_FAILURES,
    delayBaseSeconds: config.LOGIN_DELAY_BASE_SECONDS,
    maxDelaySeconds: config.LOGIN_MAX_DELAY_SECONDS,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  };
}

/**
 * The password method: throttle, check, mark this browser as the owner's, then the step every
 * method shares (completeSignIn) issues the mode's credential.
 */
export async function signInWithPassword(mode: AuthMode, credentials: Credentials): Promise<SignInOutcome> {
  const insecure = await refusePlainHttpLogin(mode);
  if (insecure) return { ok: false, reason: "insecure_transport", localhostUrl: insecure.localhostUrl };
  const meta = await requestMeta();
  const email = normalizeEmail(credentials.email);
  const secret = getConfig().SESSION_SECRET;
  const client = { trustedDevice: trustedDeviceId((await readCookies([deviceCookieName()]))[deviceCookieName()], secret, email) };
  const { windows } = sharedState();
  let verdict: ThrottleVerdict;
  try {
    // Charged before the (slow) check, so parallel guesses cannot all slip under the cap;
    // refused before the password is even hashed: a throttled guess costs no argon2 time.
    verdict = await chargeLoginAttempt(windows, throttlePolicy(), email, client, meta.now.getTime());
  } catch (error) {
    // Fail closed: without the counts, unlimited guessing would be the alternative.
    logEvent("login_throttle_unavailable", { error: errorText(error) }, "error");
    return { ok: false, reason: "throttle_unavailable" };
  }
  if (!verdict.allowed) return { ok: false, reason: "too_many_attempts", retryAfterSeconds: verdict.retryAfterSeconds };
  // A browser holding this account's device cookie may use the budget's reserve.
  const hashing = spendPasswordHashing(1, client.trustedDevice ? "owner" : "anonymous", meta.now.getTime());
  if (!hashing.ok) {
    // Shed before the password was checked: no guess was made, so none is counted.
    await windows.remove(verdict.charge.key, verdict.charge.id).catch((error: unknown) => logEvent("login_throttle_settle_failed", { error: errorText(error) }, "error"));
    return { ok: false, reason: "busy", retryAfterSeconds: hashing.retryAfterSeconds };
  }
  const check = await checkCredentials(email, credentials.password);
  if (!check.ok && check.reason === "store_unavailable") {
    // Nothing was compared, so no guess was made: an outage must not spend the owner's budget
    // (the next login after the database returns would otherwise be slowed or refused).
    await windows.remove(verdict.charge.key, verdict.charge.id).catch((error: unknown) => logEvent("login_throttle_settle_failed", { error: errorText(error) }, "error"));
    return signInStoreUnavailable(mode, "credentials", "password");
  }
  if (!check.ok) return { ok: false, reason: "invalid_credentials" };
  const { user } = check;
  await settleLoginSuccess(windows, verdict.charge).catch((error: unknown) => logEvent("login_throttle_settle_failed", { error: errorText(error) }, "error"));
  // This browser has now proven it is the owner's: its own budget from here on.
  const issuedDevice = issueDeviceCookie(email, secret);
  await writeCookies([{ name: deviceCookieName(), value: issuedDevice.value, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS }]);
  return completeSignIn(mode, user, meta, "password");
}

import "server-only";

import { z } from "zod";
import { getConfig } from "../env.ts";
import { isDatabaseUnavailable } from "../db-errors.ts";
import { reportDatabaseFailure } from "../db-outage.ts";
import { errorText, logEvent } from "../log.ts";
import { checkCredentials, normalizeEmail, recordLogin, type AuthUser } from "../users.ts";
import { sharedState } from "../state/index.ts";
import { spendPasswordHashing } from "../password-budget/budget.ts";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, issueDeviceCookie, trustedDeviceId } from "./device-cookie.ts";
import { chargeLoginAttempt, settleLoginSuccess, type ThrottlePolicy, type ThrottleVerdict } from "./login-throttle.ts";
import { strategies } from "./registry.ts";
import { clearCheckCookie } from "./check-cache/cookie-mode.ts";
import { refusePlainHttpLogin } from "./insecure-login.ts";
import { readCookies, readCredential, requestMeta, writeCookies } from "./request.ts";
import type { AuthMode, IssuedCredential } from "./types.ts";

/** Login input, shared by the form action and the JSON API. Caps keep argon2 from hashing megabytes. */
export const credentialsSchema = z.object({
  email: z.string({ error: "Enter your e-mail address." }).trim().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long.").pipe(z.email("Enter a valid e-mail address.")),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export type SignInOutcome =
  | { ok: true; user: AuthUser; issued: IssuedCredential }
  | { ok: false; reason: "invalid_credentials" }
  /** The database could not be reached: 503, and the next attempt works once it is back. */
  | { ok: false; reason: "store_unavailable" }
  | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number }
  /** Plain HTTP off loopback (lib/auth/insecure-login.ts): refused before anything is counted or written. */
  | { ok: false; reason: "insecure_transport"; localhostUrl: string }
  /** Shed by the hashing budget before argon2 ran (lib/password-budget): 429, try again then. */
  | { ok: false; reason: "busy"; retryAfterSeconds: number }
  | { ok: false; reason: "throttle_unavailable" };

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
 * Check the password, let the mode issue its credential, set its cookies. A login made
 * while this browser still held an older one of the same mode ends that older one: it
 * would otherwise linger server-side (a session row, a refresh family) until it expired.
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
    return storeUnavailable(mode, "credentials");
  }
  if (!check.ok) return { ok: false, reason: "invalid_credentials" };
  const { user } = check;
  await settleLoginSuccess(windows, verdict.charge).catch((error: unknown) => logEvent("login_throttle_settle_failed", { error: errorText(error) }, "error"));
  // This browser has now proven it is the owner's: its own budget from here on.
  const issuedDevice = issueDeviceCookie(email, secret);
  await writeCookies([{ name: deviceCookieName(), value: issuedDevice.value, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS }]);
  await recordLogin(user.id, meta.now);
  const strategy = strategies[mode];
  const previous = await readCookies([strategy.describe().cookieName, ...strategy.companionCookies]);
  let issued: IssuedCredential;
  try {
    issued = await strategy.signIn(user, meta);
  } catch (error) {
    // The password checked out, then the database went away before the session row or
    // refresh family was written: still an outage, not a bug.
    if (isDatabaseUnavailable(error)) return storeUnavailable(mode, "issue", error);
    throw error;
  }
  await writeCookies(issued.cookies, { mode, userId: user.id });
  const previousCredential = previous[strategy.describe().cookieName] ?? null;
  if (previousCredential || strategy.companionCookies.some((name) => previous[name])) {
    // Its cookies are already overwritten by the new ones; only the server-side end matters.
    // Failing it must not fail the login that just succeeded, but a login left alive
    // server-side is worth an operator's attention: logged with a stable code.
    await strategy.signOut({ credential: previousCredential, companions: previous }, meta).catch((error: unknown) => {
      reportDatabaseFailure("replaced_login_not_ended", error, { fields: { mode, userId: user.id }, everyTime: true });
    });
  }
  return { ok: true, user, issued };
}

function storeUnavailable(mode: AuthMode, step: "credentials" | "issue", error?: unknown): SignInOutcome {
  // Logins failing because of the database must be seen: counted into the outage, which is
  // logged with a stable code when it starts and ends (lib/db-outage.ts).
  reportDatabaseFailure("login_store_unavailable", error, { fields: { mode, step }, unavailable: true });
  return { ok: false, reason: "store_unavailable" };
}

/**
 * Ends the presented credential server-side where the mode can, and clears its cookies.
 * `extra` carries what an API client sent instead of cookies (JWT mode's refresh token).
 */
export async function signOutCredential(mode: AuthMode, credential: string | null, extra: Record<string, string | undefined> = {}): Promise<void> {
  const strategy = strategies[mode];
  const companions = { ...(await readCookies(strategy.companionCookies)), ...extra };
  await writeCookies([...(await strategy.signOut({ credential, companions }, await requestMeta())), ...clearCheckCookie(mode)]);
}

/** Logout from a form: whatever credential this request carries for the mode. */
export async function signOutCurrent(mode: AuthMode): Promise<void> {
  const credential = await readCredential(mode, strategies[mode].acceptsBearer);
  await signOutCredential(mode, credential?.value ?? null);
}

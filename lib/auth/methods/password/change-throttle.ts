import "server-only";

import { getConfig } from "../../../env.ts";
import { errorText, logEvent } from "../../../log.ts";
import { chargeWithinCap } from "../../../state/limits.ts";
import { sharedState } from "../../../state/index.ts";

/**
 * Whoever holds a stolen session or a 15-minute token must not get unlimited guesses at the
 * current password (ASVS 5.0 §6.3.1): PASSWORD_CHANGE_MAX_FAILURES per user per window, in the
 * shared state (a fleet does not multiply it). Charged before argon2 runs, so parallel
 * guesses see each other; a correct password takes its own charge back.
 */

export type PasswordCheckCharge = { allowed: true; settle: () => Promise<void> } | { allowed: false; retryAfterSeconds: number };

/** Fail closed if the counts cannot be read: a pause in password changes, not unlimited guesses. */
const UNAVAILABLE_RETRY_SECONDS = 30;

export async function chargePasswordCheck(userId: string, now: Date): Promise<PasswordCheckCharge> {
  const config = getConfig();
  const key = `password-change:${userId}`;
  const { windows } = sharedState();
  try {
    const charge = await chargeWithinCap(windows, key, config.PASSWORD_CHANGE_MAX_FAILURES, config.LOGIN_FAILURE_WINDOW_SECONDS * 1000, now.getTime());
    if (!charge.allowed) return charge;
    return { allowed: true, settle: () => windows.remove(key, charge.id).catch((error: unknown) => logEvent("password_throttle_settle_failed", { error: errorText(error) }, "error")) };
  } catch (error) {
    logEvent("password_throttle_unavailable", { error: errorText(error) }, "error");
    return { allowed: false, retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS };
  }
}

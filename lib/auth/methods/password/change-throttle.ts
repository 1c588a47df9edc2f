import "server-only";

import { getConfig } from "../../../env.ts";
import { errorText, logEvent } from "../../../log.ts";
import { chargeWithinCap } from "../../../state/limits.ts";
import { sharedState } from "../../../state/index.ts";
import type { Principal } from "../../types.ts";

/**
 * Whoever holds a stolen session or a 15-minute token must not get unlimited guesses at the
 * current password (ASVS 5.0 §6.3.1): PASSWORD_CHANGE_MAX_FAILURES per CREDENTIAL per window,
 * in the shared state (a fleet does not multiply it). Charged before argon2 runs, so parallel
 * guesses see each other; a correct password takes its own charge back.
 *
 * Per credential (the session row, the refresh family), not per user (issue 18.3): counted per
 * user, a thief's five guesses locked the owner out of the change — in JWT mode the owner's only
 * self-service way to end other refresh families — renewably. The credential that reaches the
 * cap is ended instead (the caller signs it out), so the thief loses the login and the owner's
 * other logins never notice.
 */

export type PasswordCheckCharge =
  | { allowed: true; settle: () => Promise<void>; lastBeforeCap: boolean }
  | { allowed: false; retryAfterSeconds: number };

export const CREDENTIAL_ENDED_TEXT = "Too many wrong current passwords: this login has been ended. Log in again.";

/** Fail closed if the counts cannot be read: a pause in password changes, not unlimited guesses. */
const UNAVAILABLE_RETRY_SECONDS = 30;

/** The login the request holds: its session row, else its refresh family, else the token itself. */
export function credentialThrottleKey(userId: string, handles: Principal["handles"]): string {
  if (handles.sessionId) return `password-change:session:${handles.sessionId}`;
  if (handles.familyId) return `password-change:family:${handles.familyId}`;
  if (handles.jti) return `password-change:token:${handles.jti}`;
  // No handle at all (not a mode we know): the old per-user count, still bounded.
  return `password-change:user:${userId}`;
}

export async function chargePasswordCheck(credentialKey: string, now: Date): Promise<PasswordCheckCharge> {
  const config = getConfig();
  const { windows } = sharedState();
  try {
    const cap = config.PASSWORD_CHANGE_MAX_FAILURES;
    const charge = await chargeWithinCap(windows, credentialKey, cap, config.LOGIN_FAILURE_WINDOW_SECONDS * 1000, now.getTime());
    if (!charge.allowed) return charge;
    return {
      allowed: true,
      // This attempt is the cap-th: wrong, it ends the credential.
      lastBeforeCap: charge.count >= cap,
      settle: () => windows.remove(credentialKey, charge.id).catch((error: unknown) => logEvent("password_throttle_settle_failed", { error: errorText(error) }, "error")),
    };
  } catch (error) {
    logEvent("password_throttle_unavailable", { error: errorText(error) }, "error");
    return { allowed: false, retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS };
  }
}

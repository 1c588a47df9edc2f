import "server-only";

import { getConfig } from "../../../env.ts";
import { errorText, logEvent } from "../../../log.ts";
import { chargeWithinCap } from "../../../state/limits.ts";
import { sharedState } from "../../../state/index.ts";
import type { Principal } from "../../types.ts";

/**
 * Caps guesses at the current password (ASVS 5.0 §6.3.1) per credential, not per user, so a thief
 * cannot lock the owner out: the guessing credential is ended instead (docs/SECURITY.md, 'Login
 * throttle and device cookies'). Charged before argon2; a correct password takes its charge back.
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

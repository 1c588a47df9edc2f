"use server";

import { z } from "zod";
import { changePassword, newPasswordSchema } from "@/lib/auth/methods/password/change";
import { userOrRenewal, type CredentialRenewal } from "@/lib/auth/dal";
import { renewPresentedCredential } from "@/lib/auth/renew-credential";
import { signOutCurrent } from "@/lib/auth/sign-out";
import { AUTH_MODES } from "@/lib/auth/types";
import { PASSWORD_CHECKS_BUSY } from "@/lib/password-budget/busy";
import { CREDENTIAL_ENDED_TEXT } from "@/lib/auth/methods/password/change-throttle";

export interface PasswordFormState {
  error?: string;
  done?: string;
  renew?: CredentialRenewal;
  /** With a throttle's refusal: when to try again (the form counts down to it). */
  retryAt?: string;
}

const retryAt = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

const formSchema = z.object({
  mode: z.enum(AUTH_MODES),
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(1024),
  newPassword: newPasswordSchema,
});

/**
 * Changing the password ends every other login of the user, in both modes, and renews this
 * one: the cookie (or token) that made the change is replaced, so a copy of it dies here.
 */
export async function changePasswordAction(_previous: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const parsed = formSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check your input." };
  const verified = await userOrRenewal(parsed.data.mode);
  if ("renew" in verified) return { renew: verified.renew };
  const { principal } = verified;
  const result = await changePassword(
    { userId: principal.userId, currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, current: principal.handles },
    new Date(),
  );
  if (!result.ok && result.code === "busy") return { error: PASSWORD_CHECKS_BUSY, retryAt: retryAt(result.retryAfterSeconds) };
  if (!result.ok && result.code === "credential_ended") {
    // Whoever holds this login guessed too often: it ends here, the owner's other logins stay.
    await signOutCurrent(parsed.data.mode);
    return { error: CREDENTIAL_ENDED_TEXT };
  }
  if (!result.ok && result.code === "too_many_attempts") return { error: "Too many wrong current passwords.", retryAt: retryAt(result.retryAfterSeconds) };
  if (!result.ok) return { error: result.code === "wrong_password" ? "The current password is wrong." : "This account is gone." };
  await renewPresentedCredential(principal.mode, result.user, { setCookies: true });
  const { session, jwt } = result.ended;
  return {
    done: `Password changed. Ended ${session} other session(s) and ${jwt} other refresh famil${jwt === 1 ? "y" : "ies"}. This browser got a new credential.`,
  };
}

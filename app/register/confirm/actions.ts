"use server";

import { redirect } from "next/navigation";
import { signInConfirmedSignUp } from "@/lib/auth/methods/password/confirmed-sign-up";
import { PLAIN_HTTP_LOGIN_REFUSED, refusePlainHttpLogin } from "@/lib/auth/insecure-login";
import { dashboardPath } from "@/lib/auth/next-path";
import { confirmSignUp } from "@/lib/register/confirm";

export interface ConfirmState {
  error?: string;
}

/** A button, not the link itself: mail scanners that open links must not use up a sign-up. */
export async function confirmSignUpAction(_previous: ConfirmState, form: FormData): Promise<ConfirmState> {
  const token = form.get("token");
  if (typeof token !== "string" || token.length > 100) return { error: "This link is not valid." };
  // Before the link is used up: over plain HTTP off loopback the login would be dropped.
  const insecure = await refusePlainHttpLogin("session");
  if (insecure) return { error: `${PLAIN_HTTP_LOGIN_REFUSED} (${insecure.localhostUrl})` };
  const confirmation = await confirmSignUp(token);
  if (!confirmation.ok && confirmation.reason === "address_taken") return { error: "This address already has an account: log in instead." };
  if (!confirmation.ok) return { error: "This link was used already or has expired. Sign up again to get a new one." };
  const signedIn = await signInConfirmedSignUp(confirmation.mode, confirmation.user, confirmation.method);
  // The account exists now; only the login could not be written: the login page, with a word.
  if (!signedIn.ok) return { error: "Your account is ready, but this server cannot log you in right now. Log in in a moment." };
  redirect(dashboardPath(confirmation.mode));
}

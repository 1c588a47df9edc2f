"use server";

import { redirect } from "next/navigation";
import { requestMeta } from "@/lib/auth/request";
import { registerAccount } from "@/lib/register/register";
import { registrationSchema } from "@/lib/register/schema";
import { passwordChecksBusyText } from "@/lib/password-budget/busy";
import { PLAIN_HTTP_LOGIN_REFUSED, refusePlainHttpLogin } from "@/lib/auth/insecure-login";

export interface RegisterFormState {
  error?: string;
  suggestions?: string[];
  /** Sent back so the form keeps them (React resets a form after an action); the password never is. */
  name?: string;
  email?: string;
}

function text(form: FormData, field: string, max: number): string {
  const value = form.get(field);
  return typeof value === "string" ? value.slice(0, max) : "";
}

/**
 * A new address and a taken one end on the same page, "check your e-mail"
 * (lib/register/register.ts): the message sent to the address says which it was.
 */
export async function registerAction(_previous: RegisterFormState, form: FormData): Promise<RegisterFormState> {
  const kept = { name: text(form, "name", 100), email: text(form, "email", 254) };
  const parsed = registrationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ...kept, error: parsed.error.issues[0]?.message ?? "Check your input." };
  // The sign-up ends in a login: refused where a login would be, before anything is stored.
  const insecure = await refusePlainHttpLogin(parsed.data.mode);
  if (insecure) return { ...kept, error: `${PLAIN_HTTP_LOGIN_REFUSED} (${insecure.localhostUrl})` };
  const outcome = await registerAccount(parsed.data, await requestMeta());
  if (!outcome.ok && outcome.reason === "too_many_attempts") {
    return { ...kept, error: `Too many sign-up attempts. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} min.` };
  }
  if (!outcome.ok && outcome.reason === "busy") return { ...kept, error: passwordChecksBusyText(outcome.retryAfterSeconds) };
  if (!outcome.ok) {
    return { ...kept, error: `This password is too easy to guess. ${outcome.warning ?? ""}`.trim(), suggestions: outcome.suggestions };
  }
  redirect(`/register/sent?mode=${outcome.mode}`);
}

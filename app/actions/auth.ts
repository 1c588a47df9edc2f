"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { dashboardPath, safeNextPath } from "@/lib/auth/next-path";
import { credentialsSchema, signInWithPassword } from "@/lib/auth/methods/password/sign-in";
import { AUTH_MODES } from "@/lib/auth/types";
import { PASSWORD_CHECKS_BUSY } from "@/lib/password-budget/busy";
import { PLAIN_HTTP_LOGIN_REFUSED } from "@/lib/auth/insecure-login";

/** Server Actions for the login and logout forms of both modes (they work without JavaScript). */

export interface LoginFormState {
  error?: string;
  email?: string;
  /** With a refusal over plain HTTP off loopback: the same login page on localhost. */
  localhostUrl?: string;
  /** With a throttle's refusal: when to try again (the form counts down to it). */
  retryAt?: string;
}

const retryAt = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

const modeSchema = z.enum(AUTH_MODES);

export async function loginAction(_previous: LoginFormState, form: FormData): Promise<LoginFormState> {
  const mode = modeSchema.safeParse(form.get("mode"));
  const email = typeof form.get("email") === "string" ? String(form.get("email")).slice(0, 254) : "";
  if (!mode.success) return { error: "Unknown login mode.", email };
  const credentials = credentialsSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!credentials.success) return { error: credentials.error.issues[0]?.message ?? "Check your input.", email };

  const outcome = await signInWithPassword(mode.data, credentials.data);
  if (!outcome.ok && outcome.reason === "too_many_attempts") return { error: "Too many failed attempts.", email, retryAt: retryAt(outcome.retryAfterSeconds) };
  if (!outcome.ok && outcome.reason === "insecure_transport") return { error: PLAIN_HTTP_LOGIN_REFUSED, email, localhostUrl: outcome.localhostUrl };
  if (!outcome.ok && outcome.reason === "busy") return { error: PASSWORD_CHECKS_BUSY, email, retryAt: retryAt(outcome.retryAfterSeconds) };
  if (!outcome.ok && outcome.reason === "store_unavailable") {
    return { error: "Logging in is unavailable right now. Please try again in a moment.", email };
  }
  if (!outcome.ok && outcome.reason === "throttle_unavailable") return { error: "Logins are paused for a moment. Try again shortly.", email };
  if (!outcome.ok) return { error: "Wrong e-mail or password.", email };
  const next = safeNextPath(typeof form.get("next") === "string" ? String(form.get("next")) : null);
  redirect(next ?? dashboardPath(mode.data));
}

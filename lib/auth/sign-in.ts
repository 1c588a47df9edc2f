import { z } from "zod";
import { verifyCredentials, type AuthUser } from "../users.ts";
import { strategies } from "./registry.ts";
import { readCookies, readCredential, requestMeta, writeCookies } from "./request.ts";
import type { AuthMode, IssuedCredential } from "./types.ts";

/** Login input, shared by the form action and the JSON API. Caps keep argon2 from hashing megabytes. */
export const credentialsSchema = z.object({
  email: z.string({ error: "Enter your e-mail address." }).trim().min(1, "Enter your e-mail address.").max(254, "That e-mail address is too long.").pipe(z.email("Enter a valid e-mail address.")),
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type Credentials = z.infer<typeof credentialsSchema>;

export type SignInOutcome = { ok: true; user: AuthUser; issued: IssuedCredential } | { ok: false };

/** Check the password, let the mode issue its credential, set its cookies. */
export async function signInWithPassword(mode: AuthMode, credentials: Credentials): Promise<SignInOutcome> {
  const user = await verifyCredentials(credentials.email, credentials.password);
  if (!user) return { ok: false };
  const issued = await strategies[mode].signIn(user, await requestMeta());
  await writeCookies(issued.cookies, mode);
  return { ok: true, user, issued };
}

/**
 * Ends the presented credential server-side where the mode can, and clears its cookies.
 * `extra` carries what an API client sent instead of cookies (JWT mode's refresh token).
 */
export async function signOutCredential(mode: AuthMode, credential: string | null, extra: Record<string, string | undefined> = {}): Promise<void> {
  const strategy = strategies[mode];
  const companions = { ...(await readCookies(strategy.companionCookies)), ...extra };
  await writeCookies(await strategy.signOut({ credential, companions }, await requestMeta()));
}

/** Logout from a form: whatever credential this request carries for the mode. */
export async function signOutCurrent(mode: AuthMode): Promise<void> {
  const credential = await readCredential(mode, strategies[mode].acceptsBearer);
  await signOutCredential(mode, credential?.value ?? null);
}

import { z } from "zod";
import { getConfig } from "../env.ts";
import { normalizeEmail, recordLogin, verifyCredentials, type AuthUser } from "../users.ts";
import { LoginThrottle } from "./login-throttle.ts";
import { strategies } from "./registry.ts";
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
  | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number };

const globalForThrottle = globalThis as typeof globalThis & { __svjLoginThrottle?: LoginThrottle };

function loginThrottle(): LoginThrottle {
  const config = getConfig();
  globalForThrottle.__svjLoginThrottle ??= new LoginThrottle({
    maxFailuresPerClient: config.LOGIN_MAX_FAILURES_PER_CLIENT,
    maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  });
  return globalForThrottle.__svjLoginThrottle;
}

/**
 * Check the password, let the mode issue its credential, set its cookies. A login made
 * while this browser still held an older one of the same mode ends that older one: it
 * would otherwise linger server-side (a session row, a refresh family) until it expired.
 */
export async function signInWithPassword(mode: AuthMode, credentials: Credentials): Promise<SignInOutcome> {
  const meta = await requestMeta();
  const email = normalizeEmail(credentials.email);
  const throttle = loginThrottle();
  const verdict = throttle.check(email, meta.ip, meta.now);
  // Refused before the password is even hashed: a throttled guess costs no argon2 time.
  if (!verdict.allowed) return { ok: false, reason: "too_many_attempts", retryAfterSeconds: verdict.retryAfterSeconds };
  // Charged before the (slow) check, so parallel guesses cannot all slip under the cap.
  throttle.recordFailure(email, meta.ip, meta.now);
  const user = await verifyCredentials(email, credentials.password);
  if (!user) return { ok: false, reason: "invalid_credentials" };
  throttle.recordSuccess(email, meta.ip, meta.now);
  await recordLogin(user.id, meta.now);
  const strategy = strategies[mode];
  const previous = await readCookies([strategy.describe().cookieName, ...strategy.companionCookies]);
  const issued = await strategy.signIn(user, meta);
  await writeCookies(issued.cookies, mode);
  const previousCredential = previous[strategy.describe().cookieName] ?? null;
  if (previousCredential || strategy.companionCookies.some((name) => previous[name])) {
    // Its cookies are already overwritten by the new ones; only the server-side end matters.
    await strategy.signOut({ credential: previousCredential, companions: previous }, meta).catch(() => undefined);
  }
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

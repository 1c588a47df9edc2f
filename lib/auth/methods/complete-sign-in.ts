import "server-only";

import { isDatabaseUnavailable } from "../../db-errors.ts";
import { reportDatabaseFailure } from "../../db-outage.ts";
import { recordLogin, type AuthUser } from "../../users.ts";
import { strategies } from "../registry.ts";
import { readCookies, writeCookies } from "../request.ts";
import type { AuthMode, IssuedCredential, RequestMeta } from "../types.ts";

/**
 * The step every sign-in method shares, whatever proved the user: the mode issues its
 * credential, its cookies are written, and a login this browser still held in the same mode
 * is ended — it would otherwise linger server-side (a session row, a refresh family) until it
 * expired. A method proves identity and hands the user here; it never touches a strategy.
 */
export type CompletedSignIn = { ok: true; user: AuthUser; issued: IssuedCredential } | { ok: false; reason: "store_unavailable" };

export async function completeSignIn(mode: AuthMode, user: AuthUser, meta: RequestMeta, method: SignInMethodName): Promise<CompletedSignIn> {
  const strategy = strategies[mode];
  const previous = await readCookies([strategy.describe().cookieName, ...strategy.companionCookies]);
  let issued: IssuedCredential;
  try {
    await recordLogin(user.id, meta.now);
    issued = await strategy.signIn(user, meta);
  } catch (error) {
    // The method checked out, then the database went away before the session row or
    // refresh family was written: still an outage, not a bug.
    if (isDatabaseUnavailable(error)) return signInStoreUnavailable(mode, "issue", method, error);
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

/** The sign-in methods this app has (lib/auth/methods/<name>/). */
export type SignInMethodName = "password" | "passkey";

/**
 * Logins failing because of the database must be seen: counted into the outage, which is
 * logged with a stable code when it starts and ends (lib/db-outage.ts).
 */
export function signInStoreUnavailable(mode: AuthMode, step: "credentials" | "issue", method: SignInMethodName, error?: unknown): { ok: false; reason: "store_unavailable" } {
  reportDatabaseFailure("login_store_unavailable", error, { fields: { mode, step, method }, unavailable: true });
  return { ok: false, reason: "store_unavailable" };
}

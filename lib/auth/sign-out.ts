import "server-only";

import { strategies } from "./registry.ts";
import { clearCheckCookie } from "./check-cache/cookie-mode.ts";
import { readCookies, readCredential, requestMeta, writeCookies } from "./request.ts";
import type { AuthMode } from "./types.ts";

/**
 * Ends the presented credential server-side where the mode can, and clears its cookies.
 * `extra` carries what an API client sent instead of cookies (JWT mode's refresh token).
 * The same whatever method signed the user in: a sign-out is the mode's business.
 */
export async function signOutCredential(mode: AuthMode, credential: string | null, extra: Record<string, string | undefined> = {}): Promise<void> {
  const strategy = strategies[mode];
  const companions = { ...(await readCookies(strategy.companionCookies)), ...extra };
  await writeCookies([...(await strategy.signOut({ credential, companions }, await requestMeta())), ...clearCheckCookie(mode)]);
}

/** Logout from a form: whatever credential this request carries for the mode. */
export async function signOutCurrent(mode: AuthMode): Promise<void> {
  const credential = await readCredential(mode, strategies[mode].acceptsBearer);
  await signOutCredential(mode, credential?.value ?? null);
}

import "server-only";

import { usesRequestDatabase } from "../../db.ts";
import { getConfig } from "../../env.ts";
import { checkCookieName, clearCookie } from "../cookies.ts";
import { readCookies, writeCookies, type PresentedCredential } from "../request.ts";
import type { AuthMode, CookieToSet, RequestMeta, VerifyResult } from "../types.ts";
import { checkCookieKey, openCheckCookie, sealCheckCookie } from "./check-cookie.ts";

/**
 * SESSION_CACHE=cookie around a mode's authoritative check (called by lib/auth/dal.ts): a
 * fresh check cookie for this very credential answers without the database; otherwise the
 * mode verifies and, where Next lets us set cookies (route handlers, server actions), a new
 * check cookie goes out. Cookie-borne credentials only: a Bearer client keeps no cookies.
 */

const keys = new Map<string, Buffer>();
function key(): Buffer {
  const secret = getConfig().SESSION_SECRET;
  let derived = keys.get(secret);
  if (!derived) keys.set(secret, (derived = checkCookieKey(secret)));
  return derived;
}

// Not for a request on a database of its own (the outage lab's): its verdict must be the database's.
const applies = (credential: PresentedCredential) =>
  getConfig().SESSION_CACHE === "cookie" && credential.source === "cookie" && !usesRequestDatabase();

export async function verifyWithCheckCookie(
  mode: AuthMode,
  credential: PresentedCredential,
  meta: RequestMeta,
  verify: () => Promise<VerifyResult>,
): Promise<VerifyResult> {
  if (!applies(credential)) return verify();
  const name = checkCookieName(mode);
  const presented = (await readCookies([name]))[name];
  const principal = presented ? openCheckCookie(presented, { mode, credential: credential.value, now: meta.now, key: key() }) : null;
  if (principal) return { ok: true, principal, servedFromCache: true };
  const result = await verify();
  // A fail-open answer is not a decision worth repeating without the database.
  if (result.ok && !result.principal.failOpen) {
    const { SESSION_CACHE_COOKIE_SECONDS: maxAgeSeconds } = getConfig();
    const value = sealCheckCookie({ principal: result.principal, credential: credential.value, now: meta.now, maxAgeSeconds, key: key() });
    try {
      await writeCookies([{ name, value, maxAge: maxAgeSeconds }]);
    } catch {
      // A page render may not set cookies (only actions and route handlers may): this check
      // simply goes uncached, and the next API answer or action sets the cookie.
    }
  }
  return result;
}

/** Logout clears it too, so the browser that logged out holds no cached answer. */
export function clearCheckCookie(mode: AuthMode): CookieToSet[] {
  return getConfig().SESSION_CACHE === "cookie" ? [clearCookie(checkCookieName(mode))] : [];
}

import "server-only";

import { isProduction } from "../env.ts";
import type { AuthMode, CookieToSet } from "./types.ts";

/**
 * Cookie names and attributes for both modes: one cookie per mode, so a browser can be
 * logged in both ways at once and each mode's guard only ever reads its own cookie.
 * No database and no next/headers here: proxy.ts imports this.
 */

/** Production cookies carry `__Host-`: the browser then insists on Secure, Path=/ and no Domain. */
function prefix(): string {
  return isProduction() ? "__Host-" : "";
}

export function authCookieName(mode: AuthMode): string {
  return `${prefix()}svj-${mode}`;
}

/** SESSION_CACHE=cookie's signed cache of the last check (lib/auth/check-cache/check-cookie.ts). */
export function checkCookieName(mode: AuthMode): string {
  return `${prefix()}svj-${mode}-check`;
}

/**
 * JWT mode's refresh token lives in its own cookie, sent only to the endpoints that use it
 * (refresh and logout), never with page or API requests. A narrower Path rules out
 * `__Host-`, so production uses `__Secure-` (Secure required, Path free).
 */
export const REFRESH_COOKIE_PATH = "/api/jwt";

export function refreshCookieName(): string {
  return `${isProduction() ? "__Secure-" : ""}svj-jwt-refresh`;
}

/**
 * Why this browser's login ended (lib/auth/ended-notice.ts), for the login page to say once:
 * set where the mode learns it (JWT mode's refresh), a code from a closed list, short-lived.
 */
export function endedNoticeCookieName(mode: AuthMode): string {
  return `${prefix()}svj-${mode}-ended`;
}

export const ENDED_NOTICE_COOKIE_SECONDS = 300;

/** Anything longer is junk: browsers cap a cookie at 4096 bytes and ours are far smaller. */
export const MAX_CREDENTIAL_LENGTH = 4096;

export interface CookieAttributes {
  httpOnly: true;
  sameSite: "lax";
  secure: boolean;
  path: string;
  maxAge: number;
}

/**
 * Secure whenever the app is served over HTTPS or runs in production. Chromium and Firefox
 * accept Secure cookies from http://localhost, so the production build works locally too.
 * SameSite=Lax keeps the cookie off cross-site subrequests (CSRF) while a link from
 * another site still arrives logged in.
 */
export function cookieAttributes(cookie: CookieToSet, servedOverHttps: boolean): CookieAttributes {
  return {
    httpOnly: true,
    sameSite: "lax",
    secure: servedOverHttps || isProduction(),
    path: cookie.path ?? "/",
    maxAge: cookie.maxAge,
  };
}

export function clearCookie(name: string, path = "/"): CookieToSet {
  return { name, value: "", maxAge: 0, path };
}

/** Length of the Set-Cookie header value as Next serialises it (name=value and attributes). */
export function setCookieLength(cookie: CookieToSet, attributes: CookieAttributes): number {
  const parts = [`${cookie.name}=${encodeURIComponent(cookie.value)}`, `Path=${attributes.path}`, `Max-Age=${attributes.maxAge}`];
  if (attributes.maxAge > 0) parts.push(`Expires=${new Date(Date.now() + attributes.maxAge * 1000).toUTCString()}`);
  if (attributes.secure) parts.push("Secure");
  parts.push("HttpOnly", "SameSite=lax");
  return parts.join("; ").length;
}

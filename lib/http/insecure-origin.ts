/**
 * The LAN trap: `npm start` prints a Network address, but the production build's cookies are
 * Secure (and `__Host-`), which browsers store over plain HTTP only on localhost-like hosts
 * (they are "potentially trustworthy", W3C Secure Contexts §3.1). Anywhere else the login
 * "works" and the cookie is silently dropped. The login pages say so when this is true.
 */
const TRUSTWORTHY_HOST = /^(localhost|[^:]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

export function cookiesWillBeDropped(origin: { proto: string; host: string | null }, secureCookies: boolean): boolean {
  if (!secureCookies || origin.proto === "https" || origin.host === null) return false;
  return !TRUSTWORTHY_HOST.test(origin.host);
}

/**
 * The LAN trap: `npm start` can be reached on another address (HOST, PUBLIC_ORIGINS), but over
 * plain HTTP there a login cannot work and must not be tried. The production build's cookies
 * are Secure (and `__Host-`), which browsers store over plain HTTP only on localhost-like hosts
 * (they are "potentially trustworthy", W3C Secure Contexts §3.1): anywhere else the login
 * "works", the cookie is silently dropped, and the next click is back at the login page. Worse,
 * the password, and a JSON login's Bearer token, cross the network unencrypted. So the login
 * pages warn, and every login and sign-up is refused there before anything is created.
 */
const TRUSTWORTHY_HOST = /^(localhost|[^:]+\.localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d{1,5})?$/i;

export interface AddressedOrigin {
  proto: string;
  host: string | null;
}

/** Plain HTTP to a host that is not this machine's own loopback. */
export function isPlainHttpOffLoopback(origin: AddressedOrigin): boolean {
  if (origin.proto === "https" || origin.host === null) return false;
  return !TRUSTWORTHY_HOST.test(origin.host);
}

/** The same page on localhost, same port: where the person at the machine running the app can log in. */
export function localhostUrl(origin: AddressedOrigin, path: string): string {
  const port = origin.host?.match(/:(\d+)$/)?.[1];
  return `http://localhost${port ? `:${port}` : ""}${path}`;
}

import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The API request a route handler is answering, so the DAL can read its headers straight from
 * it. Next's `cookies()` in a route handler builds a writable cookie store per request (about
 * 30 µs of CPU, measured with `npm run bench:profile`); the check only reads one cookie.
 *
 * The one difference from `cookies()`: that store shows cookies this same request has already
 * set. So once a cookie is written (lib/auth/request.ts `writeCookies`), this scope steps aside
 * and the DAL asks Next again. Pages and Server Actions have no scope here: Next's APIs as ever.
 */

interface RouteRequest {
  request: Request;
  cookiesWritten: boolean;
}

const scope = new AsyncLocalStorage<RouteRequest>();

/** lib/http/json.ts `apiRoute` runs every API handler inside this. */
export function runWithRouteRequest<T>(request: Request, work: () => Promise<T>): Promise<T> {
  return scope.run({ request, cookiesWritten: false }, work);
}

/** The request's own headers, or null outside a route handler or once a cookie was written. */
export function routeRequestHeaders(): Headers | null {
  const current = scope.getStore();
  return current && !current.cookiesWritten ? current.request.headers : null;
}

export function noteCookiesWritten(): void {
  const current = scope.getStore();
  if (current) current.cookiesWritten = true;
}

/**
 * One cookie's value from a Cookie header, read as Next reads it (its RequestCookies): pairs
 * split at `;` and optional spaces, the name up to the first `=`, the last pair of a name wins,
 * a value that does not percent-decode is skipped (an earlier one of that name stands).
 */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  let found: string | undefined;
  for (const pair of header.split(/; */)) {
    const equals = pair.indexOf("=");
    const pairName = equals === -1 ? pair : pair.slice(0, equals);
    if (pairName !== name || pair === "") continue;
    if (equals === -1) {
      found = "true";
      continue;
    }
    try {
      found = decodeURIComponent(pair.slice(equals + 1));
    } catch {
      // Next skips it too.
    }
  }
  return found;
}

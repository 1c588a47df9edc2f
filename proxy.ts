import { NextResponse, type NextRequest } from "next/server";
import { edges } from "./lib/auth/edge-registry.ts";
import { isAuthMode } from "./lib/auth/modes.ts";
import { PATHNAME_HEADER } from "./lib/auth/request-headers.ts";
import { getConfig } from "./lib/env.ts";
import { refuseMalformedApiPath } from "./lib/http/api-request-guard.ts";
import { LOOPBACK_CONNECT_SOURCES, newNonce, pageSecurityHeaders, transportSecurityHeaders } from "./lib/http/csp.ts";
import { configuredHostPolicy, refuseMisaddressedRequest } from "./lib/http/host-allowlist.ts";
import { refuseMalformedPagePath } from "./lib/http/page-request-guard.ts";

/** The one page allowed to fetch another origin: the cross-origin lab's "somebody else's site". */
const CROSS_ORIGIN_LAB_PAGE = "/labs/cross-origin/foreign";

/**
 * The optimistic guard: no cookie for this mode that unseals / verifies → that mode's recovery
 * path. Edge halves only, never the database; the DAL is the boundary (docs/ARCHITECTURE.md,
 * 'The layers').
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const config = getConfig();
  const { pathname } = request.nextUrl;
  const api = pathname.startsWith("/api/");
  const transport = {
    production: config.NODE_ENV === "production",
    // The request URL's scheme, no header of our own choosing. Caveat: `next start` itself
    // builds that URL from X-Forwarded-Proto when present (there is no TLS in `next start`;
    // a TLS-terminating proxy sets it). A client spoofing it can only add HSTS to a plain-http
    // answer, which browsers ignore (RFC 6797 §8.1). TRUST_PROXY is where trust gets decided.
    https: request.nextUrl.protocol === "https:",
  };
  // A host this server does not answer to (DNS rebinding), then what Next itself would answer
  // with a bare 500: a malformed path (see each module).
  const refused =
    refuseMisaddressedRequest(request.headers, configuredHostPolicy(config), api ? "json" : "html") ??
    (api ? refuseMalformedApiPath(pathname) : refuseMalformedPagePath(pathname));
  // The API (only its paths with a percent sign reach here: the matcher): JSON with
  // next.config.ts's static headers, and HSTS like the pages.
  if (refused || api) return withHeaders(refused ?? NextResponse.next(), transportSecurityHeaders(transport));
  const security = pageSecurityHeaders({
    ...transport,
    nonce: newNonce(),
    connectSources: pathname === CROSS_ORIGIN_LAB_PAGE ? LOOPBACK_CONNECT_SOURCES : [],
  });
  // Next takes the nonce for its own scripts from the request's CSP header.
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", security["Content-Security-Policy"]);
  return withHeaders(await guard(request, forwarded), security);
}

function withHeaders<R extends Response>(response: R, headers: Record<string, string | undefined>): R {
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.headers.set(name, value);
  return response;
}

async function guard(request: NextRequest, forwarded: Headers): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  // Only the two modes' protected pages need a plausible cookie; everything else goes on.
  const mode = pathname.split("/")[1] ?? "";
  if (!isAuthMode(mode) || pathname === `/${mode}/login`) return NextResponse.next({ request: { headers: forwarded } });

  const edge = edges[mode];
  // Only the mode's real pages are guarded: an unknown address renders the 404 page instead.
  if (!edge.protectedPages.includes(pathname.replace(/\/$/, ""))) return NextResponse.next({ request: { headers: forwarded } });
  const credential = request.cookies.get(edge.cookieName())?.value;
  const plausible = credential !== undefined && (await edge.peek(credential, new Date()));
  // Only navigations are redirected: a 307 would replay a form post (a Server Action) at the
  // refresh or login URL. Other methods go on to the DAL, which answers them itself.
  if (!plausible && (request.method === "GET" || request.method === "HEAD")) {
    if (isScriptFetch(request)) return new NextResponse(null, { status: fromOurOwnPages(request) ? 204 : 401, headers: NO_STORE });
    // no-store: the answer depends on a cookie, so no cache may replay it after a login.
    return NextResponse.redirect(new URL(edge.recoveryPath(pathname + search), request.url), { headers: NO_STORE });
  }

  // Overwrite whatever the client sent under this name: it only feeds a sanitised `?next=`.
  forwarded.set(PATHNAME_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Cache-Control", "no-store");
  return response;
}

const NO_STORE = { "Cache-Control": "no-store" };

/**
 * A script fetch (the router's prefetch or soft navigation) is answered, not redirected: a followed
 * redirect left `_rsc=` in the address bar after Back. Our own pages get 204 (no console error),
 * other sites 401 (docs/ARCHITECTURE.md, 'One request, each mode').
 */
function fromOurOwnPages(request: NextRequest): boolean {
  return request.headers.get("sec-fetch-site") === "same-origin";
}

function isScriptFetch(request: NextRequest): boolean {
  const mode = request.headers.get("sec-fetch-mode");
  return mode !== null && mode !== "navigate";
}

/**
 * Pages and static files, and an /api path only when it holds a percent sign: Next answers an
 * undecodable one with a bare 500 before any route runs, so it must be refused here. Every other
 * /api request skips the proxy, whose invocation alone cost more than the rest of our API path
 * (docs/PERFORMANCE.md); the route wrapper (lib/http/json.ts `apiRoute`) checks the host and
 * adds HSTS there. So the bench's floor (lib/http/bench-floor.ts) is outside too. A literal:
 * Next reads it at build time.
 */
export const config = { matcher: ["/((?!api/[^%]*$).*)"] };

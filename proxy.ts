import { NextResponse, type NextRequest } from "next/server";
import { authCookieName } from "./lib/auth/cookies.ts";
import { recoveryPath } from "./lib/auth/next-path.ts";
import { peekers } from "./lib/auth/peek.ts";
import { PATHNAME_HEADER } from "./lib/auth/request-headers.ts";
import { isAuthMode } from "./lib/auth/types.ts";
import { refuseUnroutableApiRequest } from "./lib/http/api-request-guard.ts";

/**
 * The optimistic guard: is there a cookie for this mode that unseals / verifies? If not,
 * redirect to that mode's login before rendering anything. It never touches the database —
 * revoked sessions and denylisted tokens get through here and are stopped by the DAL,
 * which every page, action and route handler calls (proxy alone is not a security boundary:
 * CVE-2025-29927 let requests skip middleware entirely).
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Requests Next itself would answer with a bare 500 (see the module); nothing else for /api.
  if (pathname.startsWith("/api/")) return refuseUnroutableApiRequest(request.method, pathname) ?? NextResponse.next();
  const mode = pathname.split("/")[1] ?? "";
  if (!isAuthMode(mode) || pathname === `/${mode}/login`) return NextResponse.next();

  const credential = request.cookies.get(authCookieName(mode))?.value;
  const plausible = credential !== undefined && (await peekers[mode](credential, new Date()));
  // Only navigations are redirected: a 307 would replay a form post (a Server Action) at the
  // refresh or login URL. Other methods go on to the DAL, which answers them itself.
  if (!plausible && (request.method === "GET" || request.method === "HEAD")) {
    return NextResponse.redirect(new URL(recoveryPath[mode](pathname + search), request.url));
  }

  // Overwrite whatever the client sent under this name: it only feeds a sanitised `?next=`.
  const forwarded = new Headers(request.headers);
  forwarded.set(PATHNAME_HEADER, pathname + search);
  const response = NextResponse.next({ request: { headers: forwarded } });
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: ["/session/:path*", "/jwt/:path*", "/api/:path*"],
};

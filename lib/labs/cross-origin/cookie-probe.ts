import "server-only";

import { edges } from "../../auth/edge-registry.ts";
import { AUTH_MODES, type AuthMode } from "../../auth/modes.ts";
import { isLabOrigin } from "../../http/cors.ts";

/**
 * GET /api/labs/cross-origin/probe: did this request carry our auth cookies? The one endpoint
 * that answers a credentialed cross-origin fetch, because all it reveals is a yes or no per
 * cookie — never a value — and that is exactly what the cross-origin lab needs to observe
 * SameSite at work. Access-Control-Allow-Credentials goes to the lab's own other origin only
 * (this server under its other loopback name, same port), whatever CORS_ALLOWED_ORIGINS lists:
 * no real site needs a credentialed answer from a lab.
 */
export function probeCookies(request: Request): Response {
  const sent = parseCookieNames(request.headers.get("cookie"));
  const arrived = Object.fromEntries(AUTH_MODES.map((mode) => [mode, sent.has(edges[mode].cookieName())])) as Record<AuthMode, boolean>;
  const origin = request.headers.get("origin");
  const headers: Record<string, string> = { "Cache-Control": "no-store", Vary: "Origin" };
  if (isLabOrigin(origin, request.headers.get("host"))) {
    headers["Access-Control-Allow-Origin"] = origin;
    headers["Access-Control-Allow-Credentials"] = "true";
  }
  return Response.json({ cookiesArrived: arrived, secFetchSite: request.headers.get("sec-fetch-site"), origin }, { headers });
}

function parseCookieNames(header: string | null): Set<string> {
  return new Set((header ?? "").split(/;\s*/).map((pair) => pair.split("=")[0]!).filter(Boolean));
}

import { getConfig } from "../env.ts";
import { transportSecurityHeaders } from "./csp.ts";
import { configuredHostPolicy, refuseMisaddressedRequest } from "./host-allowlist.ts";

/**
 * What proxy.ts did for every API request before issue 20, now done where the route runs:
 * Next's proxy costs about 0.4 ms of CPU a request just to be invoked (measured against the
 * bench's floor, docs/PERFORMANCE.md), more than everything else our API path does. So the proxy
 * skips /api (its matcher) and each route handler's wrapper (lib/http/json.ts) calls these.
 * No database, no Next: pure functions of the request and the configuration.
 */

/** A 421 for a host this server does not answer to (DNS rebinding), or null to go on. */
export function refuseMisaddressedApiRequest(request: Request, format: "json" | "html" = "json"): Response | null {
  return refuseMisaddressedRequest(request.headers, configuredHostPolicy(getConfig()), format);
}

/**
 * HSTS on a production answer over https, as the pages get it. The request URL's scheme is what
 * `next start` built (from X-Forwarded-Proto when present; proxy.ts explains why a spoofed one
 * is harmless).
 */
export function addTransportSecurity(request: Request, response: Response): Response {
  const headers = transportSecurityHeaders({ production: getConfig().NODE_ENV === "production", https: request.url.startsWith("https:") });
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.headers.set(name, value);
  return response;
}

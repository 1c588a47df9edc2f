import "server-only";

import { getConfig } from "../env.ts";
import { refuseMisaddressedApiRequest } from "./api-route-gate.ts";
import { corsPreflightHeaders, corsResponseHeaders, parseCorsAllowlist } from "./cors.ts";
import { allowHeader, type RouteMethod } from "./method-refusal.ts";

/** The route-handler side of lib/http/cors.ts: the configured allowlist, applied. */

function allowlist() {
  const config = getConfig();
  return parseCorsAllowlist(config.CORS_ALLOWED_ORIGINS, config.DEMO_MODE);
}

export function withCors(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    const response = await handler(request);
    for (const [name, value] of Object.entries(corsResponseHeaders(request.headers.get("origin"), allowlist(), request.headers.get("host")))) {
      response.headers.set(name, value);
    }
    return response;
  };
}

/**
 * OPTIONS: 204 either way, with the route's `Allow` (RFC 9110 §9.3.7, as lib/http/method-refusal.ts
 * answers OPTIONS elsewhere); only an allowed origin gets the Access-Control-* that lets it go on.
 * A host this server does not serve is refused first, as apiRoute refuses it.
 */
export function corsPreflight(allowed: readonly RouteMethod[]): (request: Request) => Response {
  const allow = allowHeader(allowed);
  return (request) => {
    const misaddressed = refuseMisaddressedApiRequest(request);
    if (misaddressed) return misaddressed;
    const headers = corsPreflightHeaders(request.headers.get("origin"), allowlist(), request.headers.get("host"));
    return new Response(null, { status: 204, headers: { ...headers, Allow: allow } });
  };
}

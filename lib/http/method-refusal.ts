import "server-only";

import { addTransportSecurity, refuseMisaddressedApiRequest } from "./api-route-gate.ts";
import { jsonError } from "./responses.ts";

/**
 * The methods a route handler exports itself. HEAD is never among them: Next answers it with
 * the GET handler (the refusal, where GET is not allowed). OPTIONS is answered apart.
 */
export type RouteMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const ROUTE_METHODS: readonly RouteMethod[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

type Handler = (request: Request) => Promise<Response>;

/** The refusing handlers: one per method the route does not export, and OPTIONS. */
export type MethodRefusals<A extends RouteMethod> = { [M in Exclude<RouteMethod, A> | "OPTIONS"]: Handler };

/**
 * RFC 9110 §10.2.1: what a 405 and an OPTIONS answer must name. HEAD wherever GET is (Next
 * runs the GET handler for it, §9.3.2), OPTIONS always.
 */
export function allowHeader(allowed: readonly RouteMethod[]): string {
  const own = new Set(allowed);
  const listed: string[] = [];
  for (const method of ROUTE_METHODS) {
    if (!own.has(method)) continue;
    listed.push(method);
    if (method === "GET") listed.push("HEAD");
  }
  return [...listed, "OPTIONS"].join(", ");
}

/**
 * Next answers a method a route does not export with a bare 405: no body, and no `Allow`,
 * which RFC 9110 §15.5.6 requires. So every route exports the rest from here:
 *
 *   export const POST = apiRoute(...);
 *   export const { GET, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["POST"]);
 *
 * Each answers 405 `method_not_allowed` in the API's envelope with `Allow`; OPTIONS answers
 * 204 with `Allow` (where Next's automatic OPTIONS would list these refusals as methods). A
 * host this server does not serve is refused first (421), as apiRoute refuses it. `around`
 * wraps the refusal behind that check, for a route that must not exist at all at times
 * (labsOnly: switched-off labs are 404 to every method). The supported handlers are the
 * route's own, untouched: nothing here runs on their path.
 */
export function refuseOtherMethods<const A extends RouteMethod>(allowed: readonly A[], around: (handler: Handler) => Handler = (handler) => handler): MethodRefusals<A> {
  const allow = allowHeader(allowed);
  const gated = (answer: (request: Request) => Response): Handler => {
    const inner = around(async (request) => answer(request));
    return async (request) => addTransportSecurity(request, refuseMisaddressedApiRequest(request) ?? (await inner(request)));
  };
  const refuse = gated((request) => methodNotAllowed(request.method, allow));
  const options = gated(() => new Response(null, { status: 204, headers: { Allow: allow } }));
  const refusals: Partial<Record<RouteMethod | "OPTIONS", Handler>> = { OPTIONS: options };
  const own = new Set<RouteMethod>(allowed);
  for (const method of ROUTE_METHODS) if (!own.has(method)) refusals[method] = refuse;
  return refusals as MethodRefusals<A>;
}

/** 405 in the envelope, with the `Allow` the RFC requires. */
function methodNotAllowed(method: string, allow: string): Response {
  const response = jsonError(405, "method_not_allowed", `This endpoint does not answer ${method}; it answers ${allow}.`);
  response.headers.set("Allow", allow);
  return response;
}

import "server-only";

import { runWithRouteRequest } from "../auth/route-request.ts";
import { runAroundApiRequest } from "../core-hooks.ts";
import { isWriteConflict } from "../db-conflict.ts";
import { isDatabaseUnavailable } from "../db-errors.ts";
import { reportDatabaseFailure } from "../db-outage.ts";
import { logEvent, unexpectedErrorFields } from "../log.ts";
import { runWithTimingScope, serverTimingHeader } from "../metrics/request-timing.ts";
import { addTransportSecurity, refuseMisaddressedApiRequest } from "./api-route-gate.ts";

// The response helpers live apart, with no imports, so proxy.ts can answer in the same envelope.
export { json, jsonError, noContent } from "./responses.ts";
import { jsonError } from "./responses.ts";

/**
 * Every API route handler is wrapped in this. A request naming a host this server does not
 * serve is refused first (proxy.ts skips /api: lib/http/api-route-gate.ts says why); what the
 * auth check cost goes out as a Server-Timing header; an unexpected error becomes a bare 500
 * whose details go to the log only; whatever hooks the app registered at start-up run around
 * the handler (the outage lab's, lib/core-hooks.ts: a request marked with an open outage's
 * secret, and only such a request, sees the lab's unreachable database); HSTS as on pages.
 */
export function apiRoute<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A): Promise<Response> => addTransportSecurity(args[0], await answer(handler, args));
}

async function answer<A extends [Request, ...unknown[]]>(handler: (...args: A) => Promise<Response>, args: A): Promise<Response> {
  const misaddressed = refuseMisaddressedApiRequest(args[0]);
  if (misaddressed) return misaddressed;
  try {
    const work = (): Promise<Response> => runAroundApiRequest(args[0], () => handler(...args));
    const { result: response, store } = await runWithTimingScope(() => runWithRouteRequest(args[0], work));
    const timing = serverTimingHeader(store.timing, store.setCookieBytes);
    if (timing) response.headers.set("Server-Timing", timing);
    return response;
  } catch (error) {
    // next/navigation's redirect() and notFound() are exceptions Next must see.
    if (error instanceof Error && "digest" in error) throw error;
    // An unreachable or overloaded database is an outage, not our bug: 503, try again (the
    // fuzz suite found SQLite's single writer timing out under parallel admin writes).
    if (isDatabaseUnavailable(error)) {
      reportDatabaseFailure("store_unavailable", error, { unavailable: true });
      const response = jsonError(503, "store_unavailable", "The database is unavailable right now; try again shortly.");
      response.headers.set("Retry-After", "5");
      return response;
    }
    // A serializable transaction that lost its race even after the retries: the client may
    // simply try again; nothing was changed by this request.
    if (isWriteConflict(error)) return jsonError(409, "write_conflict", "Another change to the same data won the race; try again.");
    logEvent("api_unexpected_error", unexpectedErrorFields(error), "error");
    return jsonError(500, "internal_error", "Something went wrong on our side.");
  }
}

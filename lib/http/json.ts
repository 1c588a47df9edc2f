import "server-only";

import { runInLabOutageIfMarked } from "../labs/outage-scope.ts";
import { runWithTimingScope, serverTimingHeader } from "../metrics/request-timing.ts";

/**
 * JSON responses for the API. Errors always have the same shape,
 * `{"error":{"code","message"}}`, and never carry library text or stack traces.
 * Authenticated answers must not be stored by any cache (RFC 9111 §5.2.2.5).
 */

const NO_STORE = { "Cache-Control": "no-store" };

export function json(data: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  const headers = new Headers(NO_STORE);
  new Headers(init.headers).forEach((value, name) => headers.set(name, value));
  return Response.json(data, { status: init.status ?? 200, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: NO_STORE });
}

export function jsonError(status: number, code: string, message: string, details?: unknown): Response {
  const body = details === undefined ? { error: { code, message } } : { error: { code, message, details } };
  const headers: Record<string, string> = { ...NO_STORE };
  // RFC 6750 §3: tell Bearer clients how to authenticate; §3.1: no error code when no
  // credential was presented at all.
  if (status === 401) headers["WWW-Authenticate"] = code === "no_credential" ? "Bearer" : `Bearer error="invalid_token"`;
  return Response.json(body, { status, headers });
}

/**
 * Every API route handler is wrapped in this: what the auth check cost goes out as a
 * Server-Timing header, an unexpected error becomes a bare 500 whose details go to the log
 * only, and a request marked by the outage lab with its open outage's secret (and only such
 * a request) sees the lab's unreachable database.
 */
export function withErrorBoundary<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      const { result: response, store } = await runWithTimingScope(() => runInLabOutageIfMarked(args[0], () => handler(...args)));
      const timing = serverTimingHeader(store.timing, store.setCookieBytes);
      if (timing) response.headers.set("Server-Timing", timing);
      return response;
    } catch (error) {
      // next/navigation's redirect() and notFound() are exceptions Next must see.
      if (error instanceof Error && "digest" in error) throw error;
      console.error("[api] unexpected error", error);
      return jsonError(500, "internal_error", "Something went wrong on our side.");
    }
  };
}

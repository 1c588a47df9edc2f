/**
 * JSON responses for the API. Errors always have the same shape,
 * `{"error":{"code","message"}}`, and never carry library text or stack traces.
 * Authenticated answers must not be stored by any cache (RFC 9111 §5.2.2.5).
 */

const NO_STORE = { "Cache-Control": "no-store" };

export function json(data: unknown, init: { status?: number; headers?: HeadersInit; indented?: boolean } = {}): Response {
  const headers = new Headers(NO_STORE);
  new Headers(init.headers).forEach((value, name) => headers.set(name, value));
  if (init.indented) return indentedJson(data, { status: init.status ?? 200, headers });
  return Response.json(data, { status: init.status ?? 200, headers });
}

/**
 * For the JSON the site's pages link to (/api/metrics, /.well-known/jwks.json): a person opens
 * it in a browser tab, so it is indented to be read there; parsers do not mind the spaces.
 */
export function indentedJson(data: unknown, init: { status?: number; headers: Headers }): Response {
  init.headers.set("Content-Type", "application/json");
  return new Response(`${JSON.stringify(data, null, 2)}\n`, { status: init.status ?? 200, headers: init.headers });
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

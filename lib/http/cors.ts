/**
 * CORS for the read-only JSON API (`GET /api/<mode>/me`): an explicit allowlist of origins,
 * never `*`, and never `Access-Control-Allow-Credentials` — a page on another origin may call
 * the API with a Bearer token it holds, but can never ride the user's cookies and read the
 * answer. (`*` with credentials is refused by browsers anyway; an echoed Origin with
 * credentials would hand every allowlisted site the user's session.)
 */

export type CorsAllowlist = { kind: "origins"; origins: readonly string[] } | { kind: "loopback" };

const LOOPBACK_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

export function isAllowedOrigin(origin: string | null, allowlist: CorsAllowlist): origin is string {
  if (!origin || origin === "null") return false;
  return allowlist.kind === "loopback" ? LOOPBACK_ORIGIN.test(origin) : allowlist.origins.includes(origin);
}

/** The headers for an actual response: the origin echoed only when allowed, `Vary` always. */
export function corsResponseHeaders(origin: string | null, allowlist: CorsAllowlist): Record<string, string> {
  const headers: Record<string, string> = { Vary: "Origin" };
  if (isAllowedOrigin(origin, allowlist)) headers["Access-Control-Allow-Origin"] = origin;
  return headers;
}

/**
 * A preflight's answer: which method and header an allowed origin may use. A refused origin
 * gets no Access-Control-* at all, and the browser stops before the real request is sent.
 */
export function corsPreflightHeaders(origin: string | null, allowlist: CorsAllowlist): Record<string, string> {
  if (!isAllowedOrigin(origin, allowlist)) return { Vary: "Origin" };
  return {
    ...corsResponseHeaders(origin, allowlist),
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Allow-Headers": "Authorization",
    "Access-Control-Max-Age": "600",
  };
}

/** CORS_ALLOWED_ORIGINS: comma-separated exact origins; "loopback" for the local demo's hosts. */
export function parseCorsAllowlist(value: string | undefined, demo: boolean): CorsAllowlist {
  if (value === undefined || value.trim() === "") return demo ? { kind: "loopback" } : { kind: "origins", origins: [] };
  if (value.trim() === "loopback") return { kind: "loopback" };
  return { kind: "origins", origins: value.split(",").map((origin) => origin.trim()).filter(Boolean) };
}

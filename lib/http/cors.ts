import { otherLoopbackOrigin } from "./loopback-origin.ts";

/**
 * CORS for the read-only JSON API (`GET /api/<mode>/me`): an explicit allowlist, never `*`, never
 * credentials — another origin may use a Bearer token it holds, never ride the user's cookies.
 * The demo's `loopback` default is the lab's one other origin, not every loopback port
 * (docs/SECURITY.md, 'Safe by default').
 */

export type CorsAllowlist = { kind: "origins"; origins: readonly string[] } | { kind: "loopback" };

/** `host`: the request's Host header, which names the port it came to (for `loopback`). */
export function isAllowedOrigin(origin: string | null, allowlist: CorsAllowlist, host: string | null): origin is string {
  if (!origin || origin === "null") return false;
  return allowlist.kind === "loopback" ? isLabOrigin(origin, host) : allowlist.origins.includes(origin);
}

/** The cross-origin lab's "other site" for a request that came to `host`: exactly one origin, or none. */
export function isLabOrigin(origin: string | null, host: string | null): origin is string {
  const pair = otherLoopbackOrigin(host);
  return pair !== null && origin === pair.other;
}

/** The headers for an actual response: the origin echoed only when allowed, `Vary` always. */
export function corsResponseHeaders(origin: string | null, allowlist: CorsAllowlist, host: string | null): Record<string, string> {
  const headers: Record<string, string> = { Vary: "Origin" };
  if (isAllowedOrigin(origin, allowlist, host)) headers["Access-Control-Allow-Origin"] = origin;
  return headers;
}

/**
 * A preflight's answer: which method and header an allowed origin may use. A refused origin
 * gets no Access-Control-* at all, and the browser stops before the real request is sent.
 */
export function corsPreflightHeaders(origin: string | null, allowlist: CorsAllowlist, host: string | null): Record<string, string> {
  if (!isAllowedOrigin(origin, allowlist, host)) return { Vary: "Origin" };
  return {
    ...corsResponseHeaders(origin, allowlist, host),
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Allow-Headers": "Authorization",
    "Access-Control-Max-Age": "600",
  };
}

/** CORS_ALLOWED_ORIGINS: comma-separated exact origins; "loopback" for the cross-origin lab's one origin. */
export function parseCorsAllowlist(value: string | undefined, demo: boolean): CorsAllowlist {
  if (value === undefined || value.trim() === "") return demo ? { kind: "loopback" } : { kind: "origins", origins: [] };
  if (value.trim() === "loopback") return { kind: "loopback" };
  return { kind: "origins", origins: value.split(",").map((origin) => origin.trim()).filter(Boolean) };
}

/**
 * CSRF defence for cookie-authenticated, state-changing requests (OWASP CSRF Cheat Sheet,
 * "Fetch Metadata" and "Verifying Origin"). SameSite=Lax already keeps our cookies off
 * cross-site POSTs in modern browsers; this is the second, explicit layer.
 * Requests with neither header come from non-browser clients, which CSRF cannot drive.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return origin !== requestOrigin(request.headers, request.url);
}

/**
 * Stricter than !isCrossSiteRequest: positive evidence that a browser on this very origin sent
 * it (Sec-Fetch-Site: same-origin, or an Origin header naming us). For endpoints that act on
 * the server's behalf (the labs), where a request with no evidence either way is refused too.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (isCrossSiteRequest(request)) return false;
  if (request.headers.get("sec-fetch-site") === "same-origin") return true;
  return request.headers.get("origin") === requestOrigin(request.headers, request.url);
}

/**
 * The origin the client addressed, as a proxy in front of us reports it. Also what the labs
 * send their requests to (lib/labs/instance.ts checks it really is this server first).
 * Server Actions have headers but no URL: Next always sets x-forwarded-host and -proto.
 */
export function requestOrigin(headers: Headers, url?: string): string {
  const parsed = url ? new URL(url) : null;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? parsed?.host ?? "localhost";
  const proto = headers.get("x-forwarded-proto") ?? parsed?.protocol.replace(/:$/, "") ?? "http";
  return `${proto}://${host}`;
}

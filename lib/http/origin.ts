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
  return origin !== expectedOrigin(request);
}

function expectedOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

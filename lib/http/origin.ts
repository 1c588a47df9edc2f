import { getConfig } from "../env.ts";
import { addressedOrigin } from "./proxy-trust.ts";

/**
 * CSRF defence for cookie-authenticated, state-changing requests (OWASP CSRF Cheat Sheet,
 * "Fetch Metadata" and "Verifying Origin"). SameSite=Lax already keeps our cookies off
 * cross-site POSTs in modern browsers; this is the second, explicit layer.
 * Requests with neither header come from non-browser clients, which CSRF cannot drive.
 */
export function isCrossSiteRequest(request: Request, trustedHops = configuredTrustProxy()): boolean {
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  return origin !== requestOrigin(request.headers, request.url, trustedHops);
}

/**
 * Stricter than !isCrossSiteRequest: positive evidence that a browser on this very origin sent
 * it (Sec-Fetch-Site: same-origin, or an Origin header naming us). For endpoints that act on
 * the server's behalf (the labs), where a request with no evidence either way is refused too.
 */
export function isSameOriginRequest(request: Request, trustedHops = configuredTrustProxy()): boolean {
  if (isCrossSiteRequest(request, trustedHops)) return false;
  if (request.headers.get("sec-fetch-site") === "same-origin") return true;
  return request.headers.get("origin") === requestOrigin(request.headers, request.url, trustedHops);
}

/**
 * The origin the client addressed, as a proxy in front of us reports it. Also what the labs
 * send their requests to (lib/labs/origin-process.ts checks it really is this server first).
 * X-Forwarded-Host / -Proto only behind TRUST_PROXY hops (lib/http/proxy-trust.ts): otherwise
 * they are the sender's own words, and Next itself derives request.url's scheme from them.
 */
export function requestOrigin(headers: Headers, url?: string, trustedHops = configuredTrustProxy()): string {
  const { proto, host } = addressedOrigin(headers, trustedHops);
  return `${proto}://${host ?? (url ? new URL(url).host : "localhost")}`;
}

function configuredTrustProxy(): number {
  return getConfig().TRUST_PROXY;
}

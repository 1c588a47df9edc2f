import { safeNextPath } from "../next-path.ts";

/** The refresh endpoint: under /api/jwt, the only path the refresh cookie is sent to (cookies.ts). */
export const REFRESH_PATH = "/api/jwt/refresh";

/**
 * JWT mode's database-free half, safe for proxy.ts: a page without a usable access token
 * first tries the refresh endpoint, which falls back to the login page.
 */
export function recoveryPath(next: string | null): string {
  const safe = safeNextPath(next);
  return safe ? `${REFRESH_PATH}?next=${encodeURIComponent(safe)}` : REFRESH_PATH;
}

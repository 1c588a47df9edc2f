import { authCookieName, REFRESH_COOKIE_PATH } from "../cookies.ts";
import type { AuthEdge } from "../edge.ts";
import { safeNextPath } from "../next-path.ts";
import { verifyAccessTokenWithConfig } from "./verify-config.ts";

/** The refresh endpoint: the one path below REFRESH_COOKIE_PATH that pages are sent to. */
export const JWT_REFRESH_PATH = `${REFRESH_COOKIE_PATH}/refresh`;

/**
 * JWT mode at the edge: signature, algorithm, issuer, audience, typ and exp — everything but
 * revocation, which needs server-side state and is the DAL's job.
 */
export const jwtEdge: AuthEdge = {
  mode: "jwt",
  cookieName: () => authCookieName("jwt"),
  peek: async (token, now) => (await verifyAccessTokenWithConfig(token, now)).ok,
  // A page without a usable access token tries the refresh endpoint first (the only path the
  // refresh cookie is sent to); it sends the browser on to login when that fails too.
  recoveryPath(next) {
    const safe = safeNextPath(next);
    return safe ? `${JWT_REFRESH_PATH}?next=${encodeURIComponent(safe)}` : JWT_REFRESH_PATH;
  },
};

import { decodeJwt } from "jose";
import { authCookieName, REFRESH_COOKIE_PATH } from "../cookies.ts";
import type { AuthEdge } from "../edge.ts";
import { safeNextPath } from "../next-path.ts";
import { peekAccessToken } from "./verify/config.ts";

/** The refresh endpoint: the one path below REFRESH_COOKIE_PATH that pages are sent to. */
export const JWT_REFRESH_PATH = `${REFRESH_COOKIE_PATH}/refresh`;

/**
 * JWT mode at the edge: signature, algorithm, issuer, audience, typ and exp against the keys
 * this process already holds (keys/edge-keys.ts) — everything but revocation, which needs
 * server-side state and is the DAL's job. Before the first key load, or for a kid not seen
 * yet, a well-formed unexpired token is let through: optimistic, and the DAL decides.
 */
export const jwtEdge: AuthEdge = {
  mode: "jwt",
  cookieName: () => authCookieName("jwt"),
  peek: peekAccessToken,
  async glance(token, now) {
    if (!(await peekAccessToken(token, now))) return null;
    // Signed claims, checked above: who (an id and a role, no personal data) and exp.
    const { sub, role, exp } = decodeJwt(token);
    return {
      who: typeof sub === "string" ? `user ${sub.slice(0, 8)}…${typeof role === "string" ? ` (${role})` : ""}` : null,
      deadlines: typeof exp === "number" ? [{ label: "exp", at: new Date(exp * 1000) }] : [],
    };
  },
  // A page without a usable access token tries the refresh endpoint first (the only path the
  // refresh cookie is sent to); it sends the browser on to login when that fails too.
  protectedPages: ["/jwt", "/jwt/dashboard", "/jwt/inspect"],
  scriptRenewPath: JWT_REFRESH_PATH,
  recoveryPath(next) {
    const safe = safeNextPath(next);
    return safe ? `${JWT_REFRESH_PATH}?next=${encodeURIComponent(safe)}` : JWT_REFRESH_PATH;
  },
};

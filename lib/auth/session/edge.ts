import { getConfig } from "../../env.ts";
import { authCookieName, MAX_CREDENTIAL_LENGTH } from "../cookies.ts";
import type { AuthEdge } from "../edge.ts";
import { loginPath } from "../next-path.ts";
import { unsealSessionId } from "./seal.ts";

/**
 * Session mode at the edge: a seal that unseals under our password is plausible. Whether its
 * row still exists (logout, revocation, expiry) only the store knows, so only the DAL decides.
 */
export const sessionEdge: AuthEdge = {
  mode: "session",
  cookieName: () => authCookieName("session"),
  async peek(seal) {
    if (seal.length > MAX_CREDENTIAL_LENGTH) return false;
    return (await unsealSessionId(seal, getConfig().SESSION_SECRET)) !== null;
  },
  recoveryPath: (next) => loginPath("session", next),
  // A session that is gone can only be replaced by logging in.
  scriptRenewPath: null,
  protectedPages: ["/session", "/session/dashboard", "/session/devices", "/session/inspect"],
};

import { getConfig } from "../../env.ts";
import { authCookieName, MAX_CREDENTIAL_LENGTH } from "../cookies.ts";
import type { AuthEdge } from "../edge.ts";
import { loginPath } from "../next-path.ts";
import { unsealSessionId } from "./seal.ts";

/** iron's `Fe26.2*id*salt*iv*ciphertext*expiration*…`: the expiration is milliseconds, in the clear. */
function sealExpiry(seal: string): Date | null {
  const stamp = Number(seal.split("~")[0]?.split("*")[5]);
  return Number.isFinite(stamp) && stamp > 0 ? new Date(stamp) : null;
}

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
  async glance(seal, now) {
    if (!(await sessionEdge.peek(seal, now))) return null;
    // The seal names nobody: it carries a random id, and only the row says whose it is and its
    // idle deadline. Its own expiry stamp (iron's, in the clear) bounds the absolute limit.
    const stamp = sealExpiry(seal);
    return { who: null, deadlines: stamp ? [{ label: "seal expires", at: stamp }] : [] };
  },
  recoveryPath: (next) => loginPath("session", next),
  // A session that is gone can only be replaced by logging in.
  scriptRenewPath: null,
  protectedPages: ["/session", "/session/dashboard", "/session/devices", "/session/inspect"],
};

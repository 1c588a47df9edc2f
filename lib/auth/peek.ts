import { getConfig } from "../env.ts";
import { MAX_CREDENTIAL_LENGTH } from "./cookies.ts";
import { peekAccessToken } from "./jwt/verify-config.ts";
import { unsealSessionId } from "./session/seal.ts";
import type { AuthMode } from "./types.ts";

/**
 * The optimistic checks proxy.ts runs: crypto only, no database (the imports show it).
 * A yes here only means "worth rendering"; the DAL decides for real.
 */
export const peekers: Record<AuthMode, (credential: string, now: Date) => Promise<boolean>> = {
  async session(seal) {
    if (seal.length > MAX_CREDENTIAL_LENGTH) return false;
    return (await unsealSessionId(seal, getConfig().SESSION_SECRET)) !== null;
  },
  jwt: peekAccessToken,
};

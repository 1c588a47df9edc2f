import "server-only";

import { endLogins } from "../account.ts";
import type { EndReason } from "../auth/types.ts";

/** What an admin action ended: session rows and refresh families. */
export interface RevocationCount {
  revokedSessions: number;
  revokedFamilies: number;
}

/**
 * The one place the admin console and API end everything a user holds, through each mode's
 * strategy (lib/account.ts endLogins). The caller has already bumped the user's token
 * version, which is what makes earlier access tokens stale under the default JWT check.
 */
export async function endUserCredentials(userId: string, now: Date, reason: EndReason = "ended_by_admin"): Promise<RevocationCount> {
  const ended = await endLogins(userId, reason, now);
  return { revokedSessions: ended.session, revokedFamilies: ended.jwt };
}

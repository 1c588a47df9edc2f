import "server-only";

import { verifyAuth } from "../auth/dal.ts";
import { AUTH_MODES } from "../auth/types.ts";

/**
 * Who is starting a lab: a logged-in user of either mode, decided by the DAL (authoritative).
 * Labs create users and send requests on this server's behalf, so anonymous callers get none,
 * and the per-user pacing (pacing.ts) needs an identity to count against.
 */
export async function verifyLabStarter(): Promise<{ userId: string } | null> {
  for (const mode of AUTH_MODES) {
    const check = await verifyAuth(mode);
    if (check.ok) return { userId: check.principal.userId };
  }
  return null;
}

import { revokeAllOfUser, type RevocationCount } from "../account.ts";

/**
 * The one place the admin console and API end everything a user holds. Today that is
 * lib/account.ts reaching into each mode's store; once AuthStrategy grows a method to end all
 * of a user's credentials (STYLE.md: "it goes on the interface"), only this file changes.
 * The caller has already bumped the user's token version, which is what makes access tokens
 * issued earlier stale under JWT_REVOCATION_CHECK=strict.
 */
export function endUserCredentials(userId: string, reason: string, now: Date): Promise<RevocationCount> {
  return revokeAllOfUser(userId, reason, now);
}

import "server-only";

import { checkCache, checkTags } from "../check-cache/index.ts";
import { findSessionWithUser, touchSession, type SessionWithUser } from "./store.ts";

/**
 * The session row through SESSION_CACHE=push (lib/auth/check-cache): stored under its own id
 * and its user's, so a logout, a device revocation or anything done to the user evicts it.
 * Only rows that were accepted are kept; a refusal is always decided from the database.
 */

const key = (id: string) => `session:${id}`;

export function cachedSessionRow(id: string): SessionWithUser | undefined {
  return checkCache.get<SessionWithUser>(key(id));
}

/** The read, with the cache generation taken before it (see tagged-cache.ts: the race). */
export async function readSessionRow(id: string): Promise<{ row: SessionWithUser | null; since: number }> {
  const since = checkCache.generation();
  return { row: await findSessionWithUser(id), since };
}

export function rememberSessionRow(row: SessionWithUser, since: number): void {
  checkCache.remember(key(row.id), row, [checkTags.session(row.id), checkTags.user(row.userId)], since);
}

/**
 * Records activity (throttled by judgeSession's shouldTouch) and keeps the cached copy's
 * lastSeenAt in step, so the next touch is due an interval later, not on every request.
 * Throws what the write throws; `since` guards the updated copy like any read.
 */
export async function touchSessionRow(row: SessionWithUser, now: Date, since: number): Promise<SessionWithUser> {
  await touchSession(row.id, now);
  const touched = { ...row, lastSeenAt: now };
  rememberSessionRow(touched, since);
  return touched;
}

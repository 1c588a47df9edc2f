import type { Records } from "../../state/types.ts";
import { endedNoticeForReason, isEndedNoticeCode, type EndedNoticeCode } from "../ended-notice.ts";

/**
 * Why a session row was deleted, kept after the row is gone so the login page can tell the one
 * still holding its cookie. Keyed by the row id (the SHA-256 of the sealed secret), so only that
 * holder can ask (docs/SECURITY.md, 'Safe by default').
 */

/** Long enough for a device left alone over a night; a notice is worth nothing after that. */
export const ENDED_NOTICE_TTL_MS = 24 * 60 * 60 * 1000;

function endedKey(sessionId: string): string {
  return `ended:session:${sessionId}`;
}

/** Records the notice for each ended row; reasons without a notice (the holder's own logout) are not stored. */
export async function recordEndedSessions(records: Records, sessionIds: readonly string[], reason: string): Promise<void> {
  const code = endedNoticeForReason(reason);
  if (!code) return;
  await Promise.all(sessionIds.map((id) => records.set(endedKey(id), code, ENDED_NOTICE_TTL_MS)));
}

/** The notice for a row the cookie names, or null; anything but a listed code reads as none. */
export async function readEndedSession(records: Records, sessionId: string): Promise<EndedNoticeCode | null> {
  const stored = await records.get(endedKey(sessionId));
  return isEndedNoticeCode(stored) ? stored : null;
}

import "server-only";

import { logEvent, errorText } from "../../log.ts";
import { sharedState } from "../../state/index.ts";
import type { EndedNoticeCode } from "../ended-notice.ts";
import { readEndedSession, recordEndedSessions } from "./ended.ts";

/**
 * ended.ts on the process's shared state. Best effort both ways: the rows are already
 * deleted, so an unreachable store costs the notice, never the revocation or the login page.
 */

export async function recordEndReasons(sessionIds: readonly string[], reason: string): Promise<void> {
  if (sessionIds.length === 0) return;
  await recordEndedSessions(sharedState().records, sessionIds, reason).catch((error: unknown) =>
    logEvent("ended_notice_unrecorded", { reason, count: sessionIds.length, error: errorText(error) }),
  );
}

export async function endReasonNotice(sessionId: string): Promise<EndedNoticeCode | null> {
  return readEndedSession(sharedState().records, sessionId).catch((error: unknown) => {
    logEvent("ended_notice_unreadable", { error: errorText(error) });
    return null;
  });
}

import "server-only";

import { usesRequestDatabase } from "../../db.ts";
import { getConfig } from "../../env.ts";
import { sharedState } from "../../state/index.ts";
import { existingProcessLocal, processLocal, replaceProcessLocal } from "../../state/process-local.ts";
import { exportInvalidationPublished, exportInvalidationReceived, exportRevocation } from "../../metrics/prometheus.ts";
import { createPushedCache, type PushedCache } from "./pushed-cache.ts";

/**
 * SESSION_CACHE=push for the whole process: one cache for both modes' checks (session rows,
 * JWT revocation state), so one "user:<id>" eviction ends what either mode cached for a user.
 * Per process (processLocal): pages and route handlers are separate bundles in one process,
 * and a copy per bundle would miss the other's evictions.
 */

/** Whatever the channel does, no entry is served older than this (belt and braces). */
export const MAX_AGE_MS = 60_000;
/** ~10k logins' worth of rows: bounded memory whatever the traffic. */
export const MAX_ENTRIES = 10_000;
const RESUBSCRIBE_AFTER_MS = 5_000;

/** The facts a cached answer depends on; a write that changes one evicts by it. */
export const checkTags = {
  session: (sessionId: string): string => `session:${sessionId}`,
  user: (userId: string): string => `user:${userId}`,
  /** A denylist key: a jti, or a refresh family's `fid:` key. */
  revoked: (key: string): string => `revoked:${key}`,
};

function pushedCache(): PushedCache {
  return processLocal("auth:check-cache", () =>
    createPushedCache({
      messages: sharedState().messages,
      maxEntries: MAX_ENTRIES,
      maxAgeMs: MAX_AGE_MS,
      retryAfterMs: RESUBSCRIBE_AFTER_MS,
      observe: { published: exportInvalidationPublished, received: exportInvalidationReceived },
    }),
  );
}

/**
 * Off unless SESSION_CACHE=push, and off for a request that runs on a database of its own
 * (the outage lab's): an answer read there must neither be served nor stored.
 */
function active(): boolean {
  return getConfig().SESSION_CACHE === "push" && !usesRequestDatabase();
}

export const checkCache = {
  get<V>(key: string): V | undefined {
    return active() ? pushedCache().get<V>(key) : undefined;
  },
  /** Take before the database read; hand to remember() with what was read. */
  generation(): number {
    return active() ? pushedCache().generation() : -1;
  },
  remember(key: string, value: unknown, tags: readonly string[], since: number): boolean {
    return active() && pushedCache().remember(key, value, tags, since);
  },
};

/**
 * Every write that changes what a check decides calls this after it commits: evicted in this
 * process before the first await, then published to the others (awaited, so the request that
 * revoked answers only once the message is out).
 */
export async function invalidateChecks(tags: readonly string[]): Promise<void> {
  if (tags.length === 0) return;
  // Counted whatever SESSION_CACHE is: how often decisions change is a fact of the traffic,
  // and the capacity model's input for what push would cost (svj_revocations_total).
  exportRevocation();
  if (getConfig().SESSION_CACHE !== "push") return;
  await pushedCache().invalidate(tags);
}

/** Tests: subscribe now (a first request otherwise only starts the subscription). */
export async function checkCacheReady(): Promise<void> {
  await pushedCache().ready();
}

/** Tests: forget the process's cache (after swapping the shared state, say). */
export async function resetCheckCacheForTests(): Promise<void> {
  await existingProcessLocal<PushedCache>("auth:check-cache")?.close();
  replaceProcessLocal("auth:check-cache");
}

import "server-only";

import { randomUUID } from "node:crypto";
import { sharedState } from "../../state/index.ts";
import type { Refused } from "../database-outage/window.ts";

/**
 * One sticky-sessions run at a time across the whole fleet: a run crashes an instance for the
 * lab's backend, and a second run meanwhile would be pinned to a dead instance or crash the
 * other one too. The runs may start on different instances, so the claim is in shared state;
 * the window's length bounds a claim whose runner died.
 */

const KEY = "labs:sticky:running";
const CLAIM_MS = 60_000;
const RETRY_AFTER_SECONDS = 10;

export async function oneStickyRunAtATime<T>(run: () => Promise<T>): Promise<T | Refused> {
  const { windows } = sharedState();
  const claim = { id: randomUUID(), at: Date.now() };
  const claims = await windows.add(KEY, claim, CLAIM_MS);
  try {
    // add() is atomic: of two runs starting together, the second sees both claims.
    if (claims.length > 1) return { refused: true, code: "sticky_lab_busy", retryAfterSeconds: RETRY_AFTER_SECONDS };
    return await run();
  } finally {
    await windows.remove(KEY, claim.id);
  }
}

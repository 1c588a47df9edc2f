import "server-only";

import { instanceName } from "../../instance-name.ts";
import { sharedState } from "../../state/index.ts";
import { processLocal } from "../../state/process-local.ts";
import { createToySessionStore, type ToySessionStore } from "./toy-session-store.ts";

/**
 * A lab-only "crash" of one instance: for the sticky-sessions lab's endpoints alone, the named
 * instance answers 503 (its health check too, so the balancer's sticky backend marks it down)
 * and loses its in-memory toy sessions, as a process that died would. The app's own traffic
 * on the same instance is untouched: the balancer's other backend checks /api/health.
 *
 * The mark lives in shared state (Redis in a fleet) under the instance's name: the lab's runner
 * may run on either instance, and no HTTP endpoint can set it. A time to live ends a crash
 * whose runner died before restoring it.
 */

export const CRASH_TTL_MS = 30_000;

const markKey = (instance: string) => `labs:sticky:crashed:${instance}`;

/** This process's toy sessions: the lab's deliberately process-local store. */
export function processToySessions(): ToySessionStore {
  return processLocal("labs:sticky-toy-sessions", () => createToySessionStore());
}

export async function crashForStickyLab(instance: string): Promise<void> {
  await sharedState().records.set(markKey(instance), { since: Date.now() }, CRASH_TTL_MS);
}

export async function restoreAfterStickyCrash(instance: string): Promise<void> {
  await sharedState().records.delete(markKey(instance));
}

/**
 * Is this instance "crashed" for the lab? If so its memory goes, as a dead process's would
 * (and stays gone after the restore: a restarted process starts empty).
 */
export async function crashedForStickyLab(): Promise<boolean> {
  const crashed = (await sharedState().records.get(markKey(instanceName()))) !== null;
  if (crashed) processToySessions().forgetAll();
  return crashed;
}

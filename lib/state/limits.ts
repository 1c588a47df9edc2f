import { randomUUID } from "node:crypto";
import type { SlidingWindows } from "./types.ts";

/**
 * "At most `cap` in any `windowMs`", charged BEFORE the guarded work runs: the attempt is
 * added first and taken back if it went over, so parallel attempts cannot all pass a
 * check-then-add (each add sees the ones before it, atomically).
 */

/** `count`: the attempts now in the window, this one included. */
export type Charge = { allowed: true; id: string; count: number } | { allowed: false; retryAfterSeconds: number };

export async function chargeWithinCap(windows: SlidingWindows, key: string, cap: number, windowMs: number, now: number): Promise<Charge> {
  const id = randomUUID();
  const ats = await windows.add(key, { id, at: now }, windowMs);
  if (ats.length <= cap) return { allowed: true, id, count: ats.length };
  await windows.remove(key, id);
  // Without this attempt, `cap` or more remain; a slot frees when the cap-th newest leaves.
  const others = ats.length - 1;
  const freesAt = ats[others - cap]! + windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((freesAt - now) / 1000)) };
}

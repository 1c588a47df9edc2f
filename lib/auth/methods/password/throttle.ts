import "server-only";

import { randomUUID } from "node:crypto";
import { chargeWithinCap } from "../../../state/limits.ts";
import type { SlidingWindows } from "../../../state/types.ts";

/**
 * Slows password guessing (ASVS 5.0 §6.3.1) without handing attackers a lockout: a trusted device
 * has a budget of its own, everyone else shares one with a progressive delay; charged before the
 * password is checked (docs/SECURITY.md, 'Login throttle and device cookies').
 */

export interface ThrottlePolicy {
  maxFailuresPerDevice: number;
  freeFailures: number;
  delayBaseSeconds: number;
  maxDelaySeconds: number;
  windowSeconds: number;
}

export type ThrottleVerdict =
  | { allowed: true; charge: { key: string; id: string } }
  | { allowed: false; retryAfterSeconds: number };

/** Who is trying: a device proven by its cookie, or "untrusted" (no valid cookie for this e-mail). */
export type LoginClient = { trustedDevice: string } | { trustedDevice: null };

export function delayAfter(failuresBefore: number, policy: ThrottlePolicy): number {
  const beyond = failuresBefore - policy.freeFailures;
  if (beyond < 0) return 0;
  return Math.min(policy.maxDelaySeconds, policy.delayBaseSeconds * 2 ** Math.min(beyond, 30));
}

export async function chargeLoginAttempt(windows: SlidingWindows, policy: ThrottlePolicy, email: string, client: LoginClient, now: number): Promise<ThrottleVerdict> {
  const windowMs = policy.windowSeconds * 1000;
  if (client.trustedDevice) {
    const key = `login:device:${client.trustedDevice}`;
    const charged = await chargeWithinCap(windows, key, policy.maxFailuresPerDevice, windowMs, now);
    return charged.allowed ? { allowed: true, charge: { key, id: charged.id } } : charged;
  }
  const key = `login:untrusted:${email}`;
  const id = randomUUID();
  const ats = await windows.add(key, { id, at: now }, windowMs);
  // The others: every failure in the window but this attempt (one instance of `now`).
  const others = [...ats];
  others.splice(others.lastIndexOf(now), 1);
  const delayMs = delayAfter(others.length, policy) * 1000;
  const previous = others.at(-1);
  if (delayMs === 0 || previous === undefined || now - previous >= delayMs) return { allowed: true, charge: { key, id } };
  await windows.remove(key, id);
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((previous + delayMs - now) / 1000)) };
}

/** A success takes back the attempt it was charged for; a trusted device starts afresh. */
export async function settleLoginSuccess(windows: SlidingWindows, charge: { key: string; id: string }): Promise<void> {
  if (charge.key.startsWith("login:device:")) await windows.clear(charge.key);
  else await windows.remove(charge.key, charge.id);
}

import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { sharedState } from "../state/index.ts";
import type { AuthMode } from "../auth/types.ts";

/**
 * A sign-up for a free address waits here until the link sent to that address is used: only
 * the mailbox's owner can finish it, so the sign-up's answer never has to say whether the
 * address was free. In the shared state (every instance of a fleet can finish it), keyed by a
 * hash of the link's 256-bit token (a copy of the store does not hold usable links), for an
 * hour. The password is already an argon2id hash here; the plain one is never kept.
 */

export interface PendingSignUp {
  email: string;
  name: string;
  passwordHash: string;
  mode: AuthMode;
}

export const PENDING_SIGN_UP_MS = 60 * 60 * 1000;

const key = (token: string) => `signup:pending:${createHash("sha256").update(token).digest("base64url")}`;

export async function savePendingSignUp(pending: PendingSignUp): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await sharedState().records.set(key(token), pending, PENDING_SIGN_UP_MS);
  return token;
}

/** Reads the pending sign-up without using it up (the confirmation page shows the address). */
export async function peekPendingSignUp(token: string): Promise<PendingSignUp | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return asPending(await sharedState().records.get(key(token)));
}

/** Single use: read and deleted; a second click finds nothing (or, racing, a taken address). */
export async function takePendingSignUp(token: string): Promise<PendingSignUp | null> {
  const pending = await peekPendingSignUp(token);
  if (pending) await sharedState().records.delete(key(token));
  return pending;
}

function asPending(value: unknown): PendingSignUp | null {
  const record = value as Partial<PendingSignUp> | null;
  if (!record || typeof record.email !== "string" || typeof record.passwordHash !== "string" || typeof record.name !== "string") return null;
  return { email: record.email, name: record.name, passwordHash: record.passwordHash, mode: record.mode === "jwt" ? "jwt" : "session" };
}

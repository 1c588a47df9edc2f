import "server-only";

import { createHash, randomBytes } from "node:crypto";
import { sharedState } from "../state/index.ts";
import type { AuthMode } from "../auth/types.ts";
import type { NewPasskey } from "../auth/methods/passkey/store.ts";

/**
 * A sign-up for a free address waits here until the link sent to that address is used, keyed by
 * a hash of the link's token, holding one credential already verified at sign-up — the
 * confirmation trusts nothing the browser sends then (docs/SECURITY.md, 'Sign-up without enumeration').
 */

export type PendingCredential = { method: "password"; passwordHash: string } | { method: "passkey"; userId: string; passkey: NewPasskey };

export interface PendingSignUp {
  email: string;
  name: string;
  mode: AuthMode;
  credential: PendingCredential;
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

/** A record of another shape (an older version's, a damaged one) is no sign-up: the link then says "expired". */
export function asPending(value: unknown): PendingSignUp | null {
  const record = value as Partial<PendingSignUp> | null;
  if (!record || typeof record.email !== "string" || typeof record.name !== "string") return null;
  const credential = asCredential(record.credential);
  if (!credential) return null;
  return { email: record.email, name: record.name, mode: record.mode === "jwt" ? "jwt" : "session", credential };
}

function asCredential(value: unknown): PendingCredential | null {
  const credential = value as Record<string, unknown> | null | undefined;
  if (credential?.method === "password" && typeof credential.passwordHash === "string") return { method: "password", passwordHash: credential.passwordHash };
  if (credential?.method !== "passkey" || typeof credential.userId !== "string") return null;
  const passkey = credential.passkey as Partial<NewPasskey> | null | undefined;
  const wellFormed =
    typeof passkey?.id === "string" &&
    typeof passkey.publicKey === "string" &&
    Number.isSafeInteger(passkey.counter) &&
    Array.isArray(passkey.transports) &&
    passkey.transports.every((transport) => typeof transport === "string") &&
    typeof passkey.deviceType === "string" &&
    typeof passkey.backedUp === "boolean" &&
    typeof passkey.name === "string";
  return wellFormed ? { method: "passkey", userId: credential.userId, passkey: passkey as NewPasskey } : null;
}

import "server-only";

import { getDb } from "../db.ts";
import { logEvent } from "../log.ts";
import { findUserById, toAuthUser, type AuthUser } from "../users.ts";
import { withPassword } from "../auth/methods/password/credentials.ts";
import { createUserWithPasskey } from "../auth/methods/passkey/store.ts";
import { takePendingSignUp, type PendingSignUp } from "./pending.ts";
import type { AuthMode } from "../auth/types.ts";

/**
 * The second half of a sign-up (lib/register/register.ts, lib/auth/methods/passkey/sign-up.ts):
 * the link from the message proves the visitor reads that mailbox, so the account is created
 * now, from the pending record — the password hashed at sign-up, or the passkey as its
 * registration verified then (under the user id that is its user handle). Single use. An
 * address that got an account in between (another sign-up confirmed first) is refused by the
 * unique index and creates nothing.
 */
export type Confirmation =
  | { ok: true; user: AuthUser; mode: AuthMode; method: "password" | "passkey" }
  | { ok: false; reason: "unknown_link" | "address_taken"; mode?: AuthMode };

export async function confirmSignUp(token: string): Promise<Confirmation> {
  const pending = await takePendingSignUp(token);
  if (!pending) return { ok: false, reason: "unknown_link" };
  const user = await createAccount(pending);
  if (!user) {
    logEvent("register_confirm_taken", { outcome: "the address got an account before this link was used" }, "info");
    return { ok: false, reason: "address_taken", mode: pending.mode };
  }
  return { ok: true, user, mode: pending.mode, method: pending.credential.method };
}

/** null when the address (or, for a passkey, its credential id) was taken in between. */
async function createAccount({ email, name, credential }: PendingSignUp): Promise<AuthUser | null> {
  if (credential.method === "passkey") {
    if (!(await createUserWithPasskey({ id: credential.userId, email, name }, credential.passkey))) return null;
    return findUserById(credential.userId);
  }
  try {
    return toAuthUser(await getDb().user.create({ data: { email, name, role: "user", ...withPassword(credential.passwordHash) } }));
  } catch (error) {
    if ((error as { code?: unknown }).code !== "P2002") throw error;
    return null;
  }
}

import "server-only";

import { getDb } from "../db.ts";
import { logEvent } from "../log.ts";
import { toAuthUser, type AuthUser } from "../users.ts";
import { withPassword } from "../auth/methods/password/credentials.ts";
import { takePendingSignUp } from "./pending.ts";
import type { AuthMode } from "../auth/types.ts";

/**
 * The second half of a sign-up (lib/register/register.ts): the link from the message proves the
 * visitor reads that mailbox, so the account is created now, from the pending record (the
 * password hashed at sign-up). Single use. An address that got an account in between (another
 * sign-up confirmed first) is refused by the unique index and creates nothing.
 */
export type Confirmation = { ok: true; user: AuthUser; mode: AuthMode } | { ok: false; reason: "unknown_link" | "address_taken"; mode?: AuthMode };

export async function confirmSignUp(token: string): Promise<Confirmation> {
  const pending = await takePendingSignUp(token);
  if (!pending) return { ok: false, reason: "unknown_link" };
  try {
    const row = await getDb().user.create({ data: { email: pending.email, name: pending.name, role: "user", ...withPassword(pending.passwordHash) } });
    return { ok: true, user: toAuthUser(row), mode: pending.mode };
  } catch (error) {
    if ((error as { code?: unknown }).code !== "P2002") throw error;
    logEvent("register_confirm_taken", { outcome: "the address got an account before this link was used" }, "info");
    return { ok: false, reason: "address_taken", mode: pending.mode };
  }
}

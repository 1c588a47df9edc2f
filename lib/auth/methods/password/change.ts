import "server-only";

import { z } from "zod";
import { endLogins, type EndedLogins } from "../../../account.ts";
import { getDb } from "../../../db.ts";
import { spendPasswordHashing } from "../../../password-budget/budget.ts";
import { toAuthUser, type AuthUser } from "../../../users.ts";
import { checkTags, invalidateChecks } from "../../check-cache/index.ts";
import type { Principal } from "../../types.ts";
import { chargePasswordCheck, credentialThrottleKey } from "./change-throttle.ts";
import { hashPassword, verifyPassword } from "./hash.ts";

/** ASVS 5.0 §6.2.1: at least 12 characters; no composition rules. */
export const newPasswordSchema = z
  .string({ error: "Choose a new password." })
  .min(12, "Use at least 12 characters.")
  .max(1024, "That password is too long.");

export type PasswordChange =
  | { ok: true; user: AuthUser; ended: EndedLogins }
  | { ok: false; code: "wrong_password" | "user_gone" }
  /** The cap-th wrong current password on this credential: the caller ends it (signs it out). */
  | { ok: false; code: "credential_ended" }
  | { ok: false; code: "too_many_attempts" | "busy"; retryAfterSeconds: number };

/**
 * Checks the current password, stores the new one and ends every other login (OWASP ASVS 5.0
 * §7.4.3). The login that made the change (`current`) is left for the caller to renew
 * (lib/auth/renew-credential.ts): only it can hand the browser its replacement. A user without
 * a password (passkeys only) has no current one to give: answered as a wrong password.
 */
export async function changePassword(
  input: { userId: string; currentPassword: string; newPassword: string; current?: Principal["handles"] },
  now: Date,
): Promise<PasswordChange> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { disabledAt: true, password: { select: { hash: true } } } });
  if (!user || user.disabledAt) return { ok: false, code: "user_gone" };
  const charge = await chargePasswordCheck(credentialThrottleKey(input.userId, input.current ?? {}), now);
  if (!charge.allowed) return { ok: false, code: "too_many_attempts", retryAfterSeconds: charge.retryAfterSeconds };
  // The verify and the new hash; a logged-in owner may use the budget's reserve.
  const hashing = spendPasswordHashing(2, "owner", now.getTime());
  if (!hashing.ok) {
    await charge.settle(); // no guess was made
    return { ok: false, code: "busy", retryAfterSeconds: hashing.retryAfterSeconds };
  }
  if (!user.password || !(await verifyPassword(user.password.hash, input.currentPassword, input.userId))) {
    return { ok: false, code: charge.lastBeforeCap ? "credential_ended" : "wrong_password" };
  }
  await charge.settle();
  const hash = await hashPassword(input.newPassword);
  const updated = await db.user.update({
    where: { id: input.userId },
    data: { password: { update: { hash } }, tokenVersion: { increment: 1 } },
  });
  await invalidateChecks([checkTags.user(input.userId)]);
  return { ok: true, user: toAuthUser(updated), ended: await endLogins(input.userId, "password_changed", now, input.current) };
}

import { z } from "zod";
import { getDb } from "./db.ts";
import { revokeUserFamilies } from "./auth/jwt/refresh-store.ts";
import { deleteUserSessions } from "./auth/session/store.ts";
import { hashPassword, verifyPassword } from "./password.ts";

/**
 * Account events that must end credentials (OWASP ASVS 5.0 §7.4.3 / §7.4.4). Each bumps the
 * user's token version, which is what lets a strict JWT check reject access tokens that were
 * issued before the event; without that check they live on until their exp.
 */

/** ASVS 5.0 §6.2.1: at least 12 characters; no composition rules. */
export const newPasswordSchema = z
  .string({ error: "Choose a new password." })
  .min(12, "Use at least 12 characters.")
  .max(1024, "That password is too long.");

export interface RevocationCount {
  revokedSessions: number;
  revokedFamilies: number;
}

/** Everything of this user's except the caller's own session or refresh family. */
async function revokeOthers(userId: string, reason: string, now: Date, keep: { sessionId?: string; familyId?: string }) {
  const [revokedSessions, revokedFamilies] = await Promise.all([
    deleteUserSessions(userId, keep.sessionId),
    revokeUserFamilies(userId, reason, now, keep.familyId),
  ]);
  return { revokedSessions, revokedFamilies };
}

/** Every session and refresh family of the user: what an admin's "end everything" and disable need. */
export function revokeAllOfUser(userId: string, reason: string, now: Date): Promise<RevocationCount> {
  return revokeOthers(userId, reason, now, {});
}

export type PasswordChange = ({ ok: true; tokenVersion: number } & RevocationCount) | { ok: false; code: "wrong_password" | "user_gone" };

export async function changePassword(
  input: { userId: string; currentPassword: string; newPassword: string; keep: { sessionId?: string; familyId?: string } },
  now: Date,
): Promise<PasswordChange> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { passwordHash: true, disabledAt: true } });
  if (!user || user.disabledAt) return { ok: false, code: "user_gone" };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) return { ok: false, code: "wrong_password" };
  const updated = await db.user.update({
    where: { id: input.userId },
    data: { passwordHash: await hashPassword(input.newPassword), tokenVersion: { increment: 1 } },
    select: { tokenVersion: true },
  });
  return { ok: true, tokenVersion: updated.tokenVersion, ...(await revokeOthers(input.userId, "password_changed", now, input.keep)) };
}

export async function setUserDisabled(userId: string, disabled: boolean, now: Date): Promise<(RevocationCount & { found: true }) | { found: false }> {
  const db = getDb();
  const { count } = await db.user.updateMany({
    where: { id: userId },
    data: disabled ? { disabledAt: now, tokenVersion: { increment: 1 } } : { disabledAt: null },
  });
  if (count === 0) return { found: false };
  if (!disabled) return { found: true, revokedSessions: 0, revokedFamilies: 0 };
  return { found: true, ...(await revokeOthers(userId, "user_disabled", now, {})) };
}

/**
 * A role change takes effect at once in session mode, at the next refresh in JWT mode — or
 * at once there too with JWT_REVOCATION_CHECK=strict, since the version bump makes every
 * earlier access token stale. Admin endpoints read the row, so a demotion binds them at once.
 */
export async function setUserRole(userId: string, role: "user" | "admin"): Promise<boolean> {
  const { count } = await getDb().user.updateMany({ where: { id: userId }, data: { role, tokenVersion: { increment: 1 } } });
  return count === 1;
}

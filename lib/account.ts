import "server-only";

import { checkTags, invalidateChecks } from "./auth/check-cache/index.ts";
import { strategies } from "./auth/registry.ts";
import { AUTH_MODES, type AuthMode, type EndReason, type Principal } from "./auth/types.ts";
import { withWriteConflictRetry } from "./db-conflict.ts";
import { getDb } from "./db.ts";
import { checkLastAdmin } from "./admin/last-admin-check.ts";
import type { Role } from "./users.ts";

/**
 * Account events that must end credentials (OWASP ASVS 5.0 §7.4.3 / §7.4.4). Each bumps the
 * user's token version, which the default JWT revocation check compares, so access tokens
 * issued before the event are refused at once; every mode ends what it keeps server-side
 * through AuthStrategy.endAllForUser.
 */

/** How many logins each mode ended (session rows, refresh families). */
export type EndedLogins = Record<AuthMode, number>;

/** Every login of the user in every mode, except the one `except` names (admin actions too). */
export async function endLogins(userId: string, reason: EndReason, now: Date, except?: Principal["handles"]): Promise<EndedLogins> {
  const counts = await Promise.all(AUTH_MODES.map((mode) => strategies[mode].endAllForUser(userId, { except, reason, now })));
  return Object.fromEntries(AUTH_MODES.map((mode, i) => [mode, counts[i]!])) as EndedLogins;
}

export async function setUserDisabled(userId: string, disabled: boolean, now: Date): Promise<{ found: true; ended: EndedLogins } | { found: false }> {
  const db = getDb();
  const { count } = await db.user.updateMany({
    where: { id: userId },
    data: disabled ? { disabledAt: now, tokenVersion: { increment: 1 } } : { disabledAt: null },
  });
  if (count === 0) return { found: false };
  await invalidateChecks([checkTags.user(userId)]);
  if (!disabled) return { found: true, ended: { session: 0, jwt: 0 } };
  return { found: true, ended: await endLogins(userId, "user_disabled", now) };
}

export type RoleChange = { ok: true } | { ok: false; code: "user_not_found" | "last_admin" };

/**
 * A role change takes effect at once in both modes: session mode reads the row, and the
 * version bump makes the default JWT check refuse earlier access tokens (token_stale), so
 * the browser refreshes into a token with the new role. Admin endpoints read the row too.
 *
 * Never leaves the app without an active admin: nobody could promote anyone again. The count
 * and the write share one serializable transaction, so two admins demoting each other at the
 * same moment cannot both succeed (PostgreSQL aborts one; SQLite runs them one after another).
 */
export async function changeUserRole(userId: string, role: Role): Promise<RoleChange> {
  const change = await withWriteConflictRetry(() =>
    getDb().$transaction(
      async (tx): Promise<RoleChange> => {
        const check = await checkLastAdmin(tx, userId, { kind: "role", role });
        if (check.kind !== "allowed") return { ok: false, code: check.kind };
        const { count } = await tx.user.updateMany({ where: { id: userId }, data: { role, tokenVersion: { increment: 1 } } });
        return count === 1 ? { ok: true } : { ok: false, code: "user_not_found" };
      },
      { isolationLevel: "Serializable" },
    ),
  );
  // After the commit: evicted before then, a check could re-cache the old role from the database.
  if (change.ok) await invalidateChecks([checkTags.user(userId)]);
  return change;
}

/** For callers that only need "did it change" (the stale-claims lab); same guard. */
export async function setUserRole(userId: string, role: Role): Promise<boolean> {
  return (await changeUserRole(userId, role)).ok;
}

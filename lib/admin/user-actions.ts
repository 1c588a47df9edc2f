import "server-only";

import { checkTags, invalidateChecks } from "../auth/check-cache/index.ts";
import { withWriteConflictRetry } from "../db-conflict.ts";
import { endUserCredentials, type RevocationCount } from "./end-credentials.ts";
import { writeAudit, type AuditAction, type AuditActor } from "../audit/log.ts";
import { logEvent } from "../log.ts";
import { getDb } from "../db.ts";
import type { TransactionClient } from "../generated/sqlite/internal/prismaNamespace.ts";
import type { EndReason } from "../auth/types.ts";
import type { Role } from "../roles.ts";
import type { AccountChange } from "./last-admin.ts";
import { checkLastAdmin } from "./last-admin-check.ts";

/**
 * Admin actions on a user, shared by the console's server actions and /api/admin/users/…:
 * the rule checks, the change and its audit entry run in one serializable transaction, so
 * two admins demoting each other at once cannot both pass the last-admin check, and no change
 * lands without its entry. Ending credentials follows the commit: the version bump inside the
 * transaction already makes earlier access tokens stale for a strict check.
 */

export type AdminActionRefusal = "user_not_found" | "cannot_disable_self" | "last_admin";
export type AdminActionResult = ({ ok: true } & RevocationCount) | { ok: false; code: AdminActionRefusal };

const NOTHING_ENDED: RevocationCount = { revokedSessions: 0, revokedFamilies: 0 };

interface Plan {
  action: AuditAction;
  change: AccountChange;
  /** The row update; null for no change to the row. */
  data: (row: { role: Role }) => Record<string, unknown>;
  detail: (row: { role: Role }) => Record<string, unknown>;
  /** Set when the action ends every credential after the commit. */
  /** Recorded on what it ends: the ended browser's login page tells its holder (lib/auth/ended-notice.ts). */
  revokeReason?: EndReason;
}

async function runAudited(actor: AuditActor, targetUserId: string, plan: Plan, now: Date): Promise<AdminActionResult> {
  const outcome = await withWriteConflictRetry(() =>
    getDb().$transaction(
      async (tx: TransactionClient): Promise<AdminActionResult> => {
        const check = await checkLastAdmin(tx, targetUserId, plan.change);
        if (check.kind !== "allowed") return { ok: false, code: check.kind };
        const row = { role: check.role };
        await tx.user.update({ where: { id: targetUserId }, data: plan.data(row) });
        await writeAudit(tx, { actor, action: plan.action, targetUserId, detail: plan.detail(row), now });
        return { ok: true, ...NOTHING_ENDED };
      },
      { isolationLevel: "Serializable" },
    ),
  );
  if (!outcome.ok) {
    // Refusals change nothing, so they get no audit row; they are still security events (ASVS 5.0 §16.3.2).
    logEvent("admin_action_refused", { action: plan.action, reason: outcome.code, actor: actor.userId, target: targetUserId });
    return outcome;
  }
  // Every plan changes what a check decides (role, disabled, token version): after the commit.
  await invalidateChecks([checkTags.user(targetUserId)]);
  if (!plan.revokeReason) return outcome;
  return { ok: true, ...(await endUserCredentials(targetUserId, now, plan.revokeReason)) };
}


export function adminDisableUser(actor: AuditActor, userId: string, now: Date): Promise<AdminActionResult> {
  if (userId === actor.userId) {
    logEvent("admin_action_refused", { action: "user.disable", reason: "cannot_disable_self", actor: actor.userId });
    return Promise.resolve({ ok: false, code: "cannot_disable_self" });
  }
  return runAudited(actor, userId, {
    action: "user.disable",
    change: { kind: "disable" },
    data: () => ({ disabledAt: now, tokenVersion: { increment: 1 } }),
    detail: () => ({ disabled: true }),
    revokeReason: "user_disabled",
  }, now);
}

export function adminEnableUser(actor: AuditActor, userId: string, now: Date): Promise<AdminActionResult> {
  return runAudited(actor, userId, {
    action: "user.enable",
    change: { kind: "enable" },
    data: () => ({ disabledAt: null }),
    detail: () => ({ disabled: false }),
  }, now);
}

/**
 * Takes effect at once in session mode and for admin checks (they read the row); in JWT mode
 * at the next refresh, or at once with JWT_REVOCATION_CHECK=strict (the version bump).
 */
export function adminSetRole(actor: AuditActor, userId: string, role: Role, now: Date): Promise<AdminActionResult> {
  return runAudited(actor, userId, {
    action: "user.role",
    change: { kind: "role", role },
    data: () => ({ role, tokenVersion: { increment: 1 } }),
    detail: (row) => ({ from: row.role, to: role }),
  }, now);
}

/** Every session and refresh family ended, every earlier access token stale under a strict check. */
export function adminEndEverything(actor: AuditActor, userId: string, now: Date): Promise<AdminActionResult> {
  return runAudited(actor, userId, {
    action: "user.end_all",
    change: { kind: "end_all" },
    data: () => ({ tokenVersion: { increment: 1 } }),
    detail: () => ({}),
    revokeReason: "ended_by_admin",
  }, now);
}

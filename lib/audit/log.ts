import "server-only";

import type { AuthMode } from "../auth/modes.ts";
import { getDb, type Db } from "../db.ts";
import type { TransactionClient } from "../generated/sqlite/internal/prismaNamespace.ts";

/**
 * The admin audit trail (OWASP ASVS 5.0 §7.4.5, §16.2.1): who (actor and the mode they were
 * logged in with), what (a stable action code), whom, when and from where. A user's change is
 * written inside the same transaction as its entry, so there is no such change without one; a
 * key rotation's entry follows the key's insert (lib/admin/key-actions.ts says why).
 */

export const AUDIT_ACTIONS = ["user.disable", "user.enable", "user.role", "user.end_all", "keys.rotate", "keys.retire"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who acts, and from where: taken from the authoritative check and the request. */
export interface AuditActor {
  userId: string;
  mode: AuthMode;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  id: string;
  at: Date;
  actorId: string;
  actorMode: string;
  action: string;
  targetUserId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

type Writer = Pick<Db, "auditEvent"> | TransactionClient;

// Browsers send user agents of a few hundred bytes; a forged one could be megabytes.
const MAX_USER_AGENT = 512;

export async function writeAudit(
  db: Writer,
  input: { actor: AuditActor; action: AuditAction; targetUserId: string | null; detail: Record<string, unknown>; now: Date },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      at: input.now,
      actorId: input.actor.userId,
      actorMode: input.actor.mode,
      action: input.action,
      targetUserId: input.targetUserId,
      detail: JSON.stringify(input.detail),
      ip: input.actor.ip,
      userAgent: input.actor.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    },
  });
}

function toEntry(row: Omit<AuditEntry, "detail"> & { detail: string }): AuditEntry {
  let detail: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(row.detail);
    detail = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  } catch {
    // Only this module writes the column; a row that does not parse is shown raw, never dropped.
    detail = { raw: row.detail };
  }
  return { ...row, detail };
}

/** Newest first. */
export async function listRecentAudit(limit: number): Promise<AuditEntry[]> {
  const rows = await getDb().auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "asc" }], take: limit });
  return rows.map(toEntry);
}

/** Entries where the user was the target or the actor, newest first. */
export async function listUserAudit(userId: string, limit: number): Promise<AuditEntry[]> {
  const rows = await getDb().auditEvent.findMany({
    where: { OR: [{ targetUserId: userId }, { actorId: userId }] },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toEntry);
}

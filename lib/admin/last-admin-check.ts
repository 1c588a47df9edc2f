import "server-only";

import type { TransactionClient } from "../generated/sqlite/internal/prismaNamespace.ts";
import { roleSchema, type Role } from "../roles.ts";
import { leavesNoAdmin, removesAnAdmin, type AccountChange } from "./last-admin.ts";

export type LastAdminCheck = { kind: "user_not_found" } | { kind: "last_admin" } | { kind: "allowed"; role: Role };

/**
 * The last-admin rule (lib/admin/last-admin.ts) applied to the row as it stands, inside the
 * caller's serializable transaction, so another admin's change cannot land between the count
 * and the write. The count runs only for a change that could remove an admin.
 */
export async function checkLastAdmin(tx: TransactionClient, userId: string, change: AccountChange): Promise<LastAdminCheck> {
  const row = await tx.user.findUnique({ where: { id: userId }, select: { role: true, disabledAt: true } });
  if (!row) return { kind: "user_not_found" };
  const target = { role: roleSchema.safeParse(row.role).data ?? "user", disabled: row.disabledAt !== null };
  if (removesAnAdmin(target, change)) {
    const otherActiveAdmins = await tx.user.count({ where: { role: "admin", disabledAt: null, id: { not: userId } } });
    if (leavesNoAdmin({ target, otherActiveAdmins }, change)) return { kind: "last_admin" };
  }
  return { kind: "allowed", role: target.role };
}

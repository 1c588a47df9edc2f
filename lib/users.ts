import "server-only";

import { getDb } from "./db.ts";
import { roleSchema, type Role } from "./roles.ts";

export { roleSchema, type Role };

/** What the rest of the app knows about a user: never a credential (those are in lib/auth/methods/). */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  tokenVersion: number;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** For the admin console's "last login"; a write per sign-in (any method), never per request. */
export async function recordLogin(id: string, now: Date): Promise<void> {
  await getDb().user.updateMany({ where: { id }, data: { lastLoginAt: now } });
}

export async function findUserById(id: string): Promise<AuthUser | null> {
  const row = await getDb().user.findUnique({ where: { id } });
  return row && !row.disabledAt ? toAuthUser(row) : null;
}

export function toAuthUser(row: { id: string; email: string; name: string; role: string; tokenVersion: number }): AuthUser {
  // A role the code does not know is treated as the least privileged one.
  const role = roleSchema.safeParse(row.role);
  return { id: row.id, email: row.email, name: row.name, role: role.success ? role.data : "user", tokenVersion: row.tokenVersion };
}

import "server-only";

import { getDb, type Db } from "./db.ts";
import { isDatabaseUnavailable } from "./db-errors.ts";
import { burnPasswordCheck, verifyPassword } from "./auth/methods/password/hash.ts";
import { roleSchema, type Role } from "./roles.ts";

export { roleSchema, type Role };

/** What the rest of the app knows about a user: never the hash. */
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

/** Unknown, disabled and wrong-password users all answer null, in about the same time. */
export async function verifyCredentials(email: string, password: string, db: Db = getDb()): Promise<AuthUser | null> {
  const row = await db.user.findUnique({ where: { email: normalizeEmail(email) } });
  if (!row) {
    await burnPasswordCheck(password);
    return null;
  }
  const matches = await verifyPassword(row.passwordHash, password, row.id);
  if (!matches || row.disabledAt) return null;
  return toAuthUser(row);
}

export type CredentialCheck = { ok: true; user: AuthUser } | { ok: false; reason: "invalid_credentials" | "store_unavailable" };

/**
 * verifyCredentials for logins: an unreachable database is an outcome (the caller answers
 * 503 and the next attempt simply works once it is back), not an exception that ends as 500.
 * Any other error is a bug and still throws.
 */
export async function checkCredentials(email: string, password: string, db: Db = getDb()): Promise<CredentialCheck> {
  try {
    const user = await verifyCredentials(email, password, db);
    return user ? { ok: true, user } : { ok: false, reason: "invalid_credentials" };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { ok: false, reason: "store_unavailable" };
    throw error;
  }
}

/** For the admin console's "last login"; a write per password sign-in, never per request. */
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

import "server-only";

import { getDb, type Db } from "../../../db.ts";
import { isDatabaseUnavailable } from "../../../db-errors.ts";
import { normalizeEmail, toAuthUser, type AuthUser } from "../../../users.ts";
import { burnPasswordCheck, verifyPassword } from "./hash.ts";

/**
 * The password method's rows: one PasswordCredential per user that has a password. A user
 * without one (a passkey-only account) fails the check like a wrong password, in the same time.
 */

/** Unknown, disabled, password-less and wrong-password users all answer null, in about the same time. */
export async function verifyCredentials(email: string, password: string, db: Db = getDb()): Promise<AuthUser | null> {
  const row = await db.user.findUnique({ where: { email: normalizeEmail(email) }, include: { password: true } });
  if (!row?.password) {
    await burnPasswordCheck(password);
    return null;
  }
  const matches = await verifyPassword(row.password.hash, password, row.id);
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

/** The stored hash of a user's password, or null when the user has none. */
export async function findPasswordHash(userId: string, db: Db = getDb()): Promise<string | null> {
  const row = await db.passwordCredential.findUnique({ where: { userId }, select: { hash: true } });
  return row?.hash ?? null;
}

/** For `user.create({ data: { …, ...withPassword(hash) } })`: the user and its password row in one write. */
export function withPassword(hash: string): { password: { create: { hash: string } } } {
  return { password: { create: { hash } } };
}

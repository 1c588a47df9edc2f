import "server-only";

import { getDb } from "./db.ts";
import { queryPrepared, type PreparedStatement } from "./db-prepared.ts";
import type { DateLike } from "./raw-dates.ts";
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

/**
 * The dashboards' read in JWT mode (the token carries no personal data): name and email, as a
 * prepared statement on the driver like the check's own reads (lib/db-prepared.ts), since every
 * dashboard render pays it. A disabled user has no profile, as findUserById has no user.
 */
const USER_PROFILE: PreparedStatement = {
  name: "svj_user_profile",
  text: `SELECT u."email", u."name", u."disabledAt" FROM "User" u WHERE u."id" = $1`,
};

export async function findUserProfile(id: string): Promise<{ email: string; name: string } | null> {
  const rows = await queryPrepared<{ email: string; name: string; disabledAt: DateLike | null }>(USER_PROFILE, [id]);
  const row = rows[0];
  return row && row.disabledAt === null ? { email: row.email, name: row.name } : null;
}

export function toAuthUser(row: { id: string; email: string; name: string; role: string; tokenVersion: number }): AuthUser {
  // A role the code does not know is treated as the least privileged one.
  const role = roleSchema.safeParse(row.role);
  return { id: row.id, email: row.email, name: row.name, role: role.success ? role.data : "user", tokenVersion: row.tokenVersion };
}

import "server-only";

import { getDb } from "../db.ts";
import { roleSchema, type Role } from "../roles.ts";

/** One line of the admin console: never the hash. */
export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabledAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** Session rows not yet past their absolute expiry. */
  activeSessions: number;
  /** Refresh families neither revoked nor past their absolute expiry. */
  activeFamilies: number;
}

/** Enough for a demo; a real console would page through users. */
export const ADMIN_USER_LIMIT = 500;

function select(now: Date) {
  return {
    id: true,
    email: true,
    name: true,
    role: true,
    disabledAt: true,
    lastLoginAt: true,
    createdAt: true,
    _count: {
      select: {
        sessions: { where: { expiresAt: { gt: now } } },
        refreshFamilies: { where: { revokedAt: null, expiresAt: { gt: now } } },
      },
    },
  } as const;
}

type Selected = { id: string; email: string; name: string; role: string; disabledAt: Date | null; lastLoginAt: Date | null; createdAt: Date; _count: { sessions: number; refreshFamilies: number } };

function toRow(user: Selected): AdminUserRow {
  const { _count, role, ...rest } = user;
  return { ...rest, role: roleSchema.safeParse(role).data ?? "user", activeSessions: _count.sessions, activeFamilies: _count.refreshFamilies };
}

/** Live counts in one query (filtered relation counts), so the list costs one round trip. */
export async function listUsersForAdmin(now: Date): Promise<AdminUserRow[]> {
  const users = await getDb().user.findMany({ select: select(now), orderBy: { email: "asc" }, take: ADMIN_USER_LIMIT });
  return users.map(toRow);
}

export async function findUserForAdmin(id: string, now: Date): Promise<AdminUserRow | null> {
  const user = await getDb().user.findUnique({ where: { id }, select: select(now) });
  return user ? toRow(user) : null;
}

/** Id → e-mail for the audit view; ids of users that no longer exist stay unnamed. */
export async function emailsOf(ids: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const users = await getDb().user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true } });
  return new Map(users.map((user) => [user.id, user.email]));
}

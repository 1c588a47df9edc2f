import "server-only";

import { deleteInBatches, type SweepLimits } from "../../db-batches.ts";
import { getDb } from "../../db.ts";
import { queryPrepared, type PreparedStatement } from "../../db-prepared.ts";
import { checkTags, invalidateChecks } from "../check-cache/index.ts";
import { toDate, toDateOrNull, type DateLike } from "../../raw-dates.ts";

/** The session table, and nothing else: no cookies, no policy (see rules.ts). */

export interface SessionWithUser {
  id: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
  user: { email: string; name: string; role: string; tokenVersion: number; disabledAt: Date | null };
}

export async function insertSession(row: {
  id: string;
  userId: string;
  now: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}): Promise<void> {
  await getDb().session.create({
    data: {
      id: row.id,
      userId: row.userId,
      createdAt: row.now,
      lastSeenAt: row.now,
      expiresAt: row.expiresAt,
      userAgent: row.userAgent?.slice(0, 512) ?? null,
      ip: row.ip?.slice(0, 64) ?? null,
    },
  });
}

/**
 * The hot path, in one round-trip. Prisma's `include` runs a second query for the user
 * (this client has no relation joins for SQLite), so this one statement is written by hand;
 * quoted identifiers and bound parameters make it valid on SQLite and PostgreSQL alike.
 * A prepared statement on the driver where there is one (lib/db-prepared.ts).
 */
const SESSION_WITH_USER: PreparedStatement = {
  name: "svj_session_with_user",
  text: `SELECT s."id", s."userId", s."createdAt", s."lastSeenAt", s."expiresAt", s."userAgent", s."ip",
       u."email", u."name", u."role", u."tokenVersion", u."disabledAt"
FROM "Session" s JOIN "User" u ON u."id" = s."userId"
WHERE s."id" = $1`,
};

export async function findSessionWithUser(id: string): Promise<SessionWithUser | null> {
  const rows = await queryPrepared<JoinedRow>(SESSION_WITH_USER, [id]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    userId: row.userId,
    createdAt: toDate(row.createdAt),
    lastSeenAt: toDate(row.lastSeenAt),
    expiresAt: toDate(row.expiresAt),
    userAgent: row.userAgent,
    ip: row.ip,
    user: { email: row.email, name: row.name, role: row.role, tokenVersion: Number(row.tokenVersion), disabledAt: toDateOrNull(row.disabledAt) },
  };
}

interface JoinedRow {
  id: string;
  userId: string;
  createdAt: DateLike;
  lastSeenAt: DateLike;
  expiresAt: DateLike;
  userAgent: string | null;
  ip: string | null;
  email: string;
  name: string;
  role: string;
  // PostgreSQL's driver may hand an integer column back as a bigint.
  tokenVersion: number | bigint;
  disabledAt: DateLike | null;
}

/** Throttled by the caller; `updateMany` so a row deleted meanwhile is not an error. */
export async function touchSession(id: string, now: Date): Promise<void> {
  await getDb().session.updateMany({ where: { id }, data: { lastSeenAt: now } });
}

// Every delete below evicts what SESSION_CACHE=push holds for the rows it ended, here and on
// every other instance, before it returns: revocation stays "the very next request".

export async function deleteSession(id: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id } });
  await invalidateChecks([checkTags.session(id)]);
}

/**
 * Sessions past their absolute end (an idle one reaches it too, within the absolute lifetime):
 * judgeSession refuses them whatever else is true, so the row decides nothing any more. No
 * cache eviction: a cached row is judged by the same clock and refused the same way.
 */
export async function deleteEndedSessions(before: Date, limits: SweepLimits): Promise<number> {
  const db = getDb();
  return deleteInBatches(
    async (take) => (await db.session.findMany({ where: { expiresAt: { lt: before } }, select: { id: true }, take })).map((row) => row.id),
    async (ids) => (await db.session.deleteMany({ where: { id: { in: ids }, expiresAt: { lt: before } } })).count,
    limits,
  );
}

export interface DeviceRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  ip: string | null;
}

export async function listUserSessions(userId: string, now: Date): Promise<DeviceRow[]> {
  return getDb().session.findMany({
    where: { userId, expiresAt: { gt: now } },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true, ip: true },
  });
}

/** Scoped by owner: someone else's id deletes nothing, and the caller answers 404. */
export async function deleteUserSession(userId: string, id: string): Promise<boolean> {
  const { count } = await getDb().session.deleteMany({ where: { id, userId } });
  if (count === 1) await invalidateChecks([checkTags.session(id)]);
  return count === 1;
}

/** The ids "end every login of this user" is about to delete, so each can keep its reason. */
export async function listUserSessionIds(userId: string, exceptId?: string): Promise<string[]> {
  const rows = await getDb().session.findMany({ where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return rows.map((row) => row.id);
}

export async function deleteUserSessions(userId: string, exceptId?: string): Promise<number> {
  const { count } = await getDb().session.deleteMany({ where: { userId, ...(exceptId ? { id: { not: exceptId } } : {}) } });
  // The ids that went are unknown here: every cached row of the user goes (the kept one is re-read).
  await invalidateChecks([checkTags.user(userId)]);
  return count;
}

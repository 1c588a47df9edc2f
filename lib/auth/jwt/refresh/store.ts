import "server-only";

import { deleteInBatches, type SweepLimits } from "../../../db-batches.ts";
import { getDb } from "../../../db.ts";
import { toDate, toDateOrNull, type DateLike } from "../../../raw-dates.ts";
import type { RefreshRecord } from "./rules.ts";

/** The refresh-token tables, and nothing else: the rules are in rules.ts. */

export interface StoredRefresh extends RefreshRecord {
  id: string;
  familyId: string;
  user: RefreshRecord["user"] & { id: string; role: string; tokenVersion: number };
}

export async function createFamily(input: { userId: string; firstTokenId: string; now: Date; expiresAt: Date }): Promise<string> {
  const family = await getDb().refreshFamily.create({
    data: {
      userId: input.userId,
      createdAt: input.now,
      expiresAt: input.expiresAt,
      tokens: { create: { id: input.firstTokenId, createdAt: input.now } },
    },
    select: { id: true },
  });
  return family.id;
}

/** Token, family and user in one round-trip (see session/store.ts for why it is raw SQL). */
export async function findRefresh(id: string): Promise<StoredRefresh | null> {
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT t."id", t."familyId", t."usedAt", f."expiresAt", f."revokedAt", f."revokedReason",
           u."id" AS "userId", u."role", u."tokenVersion", u."disabledAt"
    FROM "RefreshToken" t
    JOIN "RefreshFamily" f ON f."id" = t."familyId"
    JOIN "User" u ON u."id" = f."userId"
    WHERE t."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    familyId: row.familyId,
    usedAt: toDateOrNull(row.usedAt),
    family: { expiresAt: toDate(row.expiresAt), revokedAt: toDateOrNull(row.revokedAt), revokedReason: row.revokedReason },
    user: { id: row.userId, role: row.role, tokenVersion: Number(row.tokenVersion), disabledAt: toDateOrNull(row.disabledAt) },
  };
}

/** Only the first caller flips it: the others learn they raced and take the grace path. */
export async function markRefreshUsed(id: string, now: Date): Promise<boolean> {
  const { count } = await getDb().refreshToken.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
  return count === 1;
}

/**
 * Idempotent, because racing requests derive and store the same successor. Not `upsert`:
 * with nothing to update Prisma runs it as SELECT then INSERT, and on PostgreSQL concurrent
 * racers then collide on the primary key. The first insert wins; the others find it there.
 */
export async function storeRefreshToken(id: string, familyId: string, now: Date): Promise<void> {
  try {
    await getDb().refreshToken.create({ data: { id, familyId, createdAt: now } });
  } catch (error) {
    // P2002: unique constraint. Duck-typed: the SQLite and PostgreSQL clients have distinct error classes.
    if ((error as { code?: unknown } | null)?.code !== "P2002") throw error;
  }
}

export async function revokeFamily(familyId: string, reason: string, now: Date): Promise<void> {
  await getDb().refreshFamily.updateMany({ where: { id: familyId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
}

export async function revokeUserFamilies(userId: string, reason: string, now: Date, exceptFamilyId?: string): Promise<number> {
  const { count } = await getDb().refreshFamily.updateMany({
    where: { userId, revokedAt: null, ...(exceptFamilyId ? { id: { not: exceptFamilyId } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}

/**
 * Families past their absolute end, with their tokens. Every token of such a family is refused
 * as expired before reuse is even considered (rules.ts), so a used token, kept for
 * reuse detection, is needed exactly as long as its family lives and never a moment less; a
 * revoked family is kept as long, so no revocation goes before the login it ended would have.
 * Tokens go first: a sweep cut short leaves an empty expired family, never an orphan token.
 */
export async function deleteEndedFamilies(before: Date, limits: SweepLimits): Promise<{ refreshFamilies: number; refreshTokens: number }> {
  const db = getDb();
  let refreshTokens = 0;
  const refreshFamilies = await deleteInBatches(
    async (take) => (await db.refreshFamily.findMany({ where: { expiresAt: { lt: before } }, select: { id: true }, take })).map((row) => row.id),
    async (ids) => {
      refreshTokens += (await db.refreshToken.deleteMany({ where: { familyId: { in: ids } } })).count;
      return (await db.refreshFamily.deleteMany({ where: { id: { in: ids }, expiresAt: { lt: before } } })).count;
    },
    limits,
  );
  return { refreshFamilies, refreshTokens };
}

interface Row {
  id: string;
  familyId: string;
  usedAt: DateLike | null;
  expiresAt: DateLike;
  revokedAt: DateLike | null;
  revokedReason: string | null;
  userId: string;
  role: string;
  tokenVersion: number | bigint;
  disabledAt: DateLike | null;
}

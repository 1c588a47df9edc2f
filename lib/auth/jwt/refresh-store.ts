import "server-only";

import { getDb } from "../../db.ts";
import { toDate, toDateOrNull, type DateLike } from "../../raw-dates.ts";
import type { RefreshRecord } from "./refresh-rules.ts";

/** The refresh-token tables, and nothing else: the rules are in refresh-rules.ts. */

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

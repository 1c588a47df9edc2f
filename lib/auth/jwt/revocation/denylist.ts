import "server-only";

import { deleteInBatches, type SweepLimits } from "../../../db-batches.ts";
import { getDb } from "../../../db.ts";
import { getConfig } from "../../../env.ts";
import { reportDatabaseFailure } from "../../../db-outage.ts";
import { checkTags, invalidateChecks } from "../../check-cache/index.ts";

/**
 * Access tokens revoked before their `exp`, keyed by `jti`: never by the token string,
 * which has more than one valid spelling (JWS signatures and base64url are malleable).
 * An entry is only needed until the token would have expired anyway.
 *
 * Durable by design: the database is the only copy. Redis used to hold it when REDIS_URL was
 * set, and a Redis restart without persistence brought every logged-out token back to life
 * (issue 11 §12). The read is part of the one statement in check.ts; SESSION_CACHE=push
 * caches that statement's answer per process, evicted by the write below.
 */
export async function recordRevokedJti(jti: string, expiresAt: Date, now: Date): Promise<void> {
  if (expiresAt <= now) return;
  const db = getDb();
  await db.revokedToken.upsert({ where: { jti }, create: { jti, expiresAt }, update: { expiresAt } });
  // SESSION_CACHE=push: a cached "not revoked" for this jti (or family) ends here and everywhere.
  await invalidateChecks([checkTags.revoked(jti)]);
  // Purge on write, not on read: the hot path stays a single indexed lookup.
  await db.revokedToken.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** Entries whose token no verifier accepts any more (expiresAt already counts the clock skew). */
export async function deleteEndedDenylistEntries(before: Date, limits: SweepLimits): Promise<number> {
  const db = getDb();
  return deleteInBatches(
    async (take) => (await db.revokedToken.findMany({ where: { expiresAt: { lt: before } }, select: { jti: true }, take })).map((row) => row.jti),
    async (jtis) => (await db.revokedToken.deleteMany({ where: { jti: { in: jtis }, expiresAt: { lt: before } } })).count,
    limits,
  );
}

/**
 * Logout's write. Recorded whatever JWT_REVOCATION_CHECK says, so turning the check on
 * later honours earlier logouts. A database that is down must not stop the logout itself
 * (cookies are still cleared): the failure is returned and logged with a stable code.
 * `tokenExp` is the token's own exp: verifiers accept it for JWT_CLOCK_SKEW_SECONDS longer, so
 * the entry lasts that much longer too (and a logout inside that window is still recorded).
 */
export async function revokeAccessToken(jti: string, tokenExp: Date, now: Date): Promise<boolean> {
  try {
    await recordRevokedJti(jti, new Date(tokenExp.getTime() + getConfig().JWT_CLOCK_SKEW_SECONDS * 1000), now);
    return true;
  } catch (error) {
    // Each one logged, outage or not: this token stays valid until its exp.
    reportDatabaseFailure("denylist_write_failed", error, { fields: { jti }, everyTime: true });
    return false;
  }
}

/** The denylist key that ends every access token of one refresh family (their `fid`). */
export function familyDenylistKey(familyId: string): string {
  return `fid:${familyId}`;
}

/**
 * Every access token minted under the family expires within the access-token lifetime of the
 * last one minted, which is now at the latest: the entry lasts that long (plus the clock skew,
 * added by revokeAccessToken), with a minute's margin for a refresh still in flight.
 */
export async function revokeFamilyAccessTokens(familyId: string, now: Date): Promise<boolean> {
  const lifetimeMs = (getConfig().JWT_ACCESS_TTL_SECONDS + 60) * 1000;
  return revokeAccessToken(familyDenylistKey(familyId), new Date(now.getTime() + lifetimeMs), now);
}

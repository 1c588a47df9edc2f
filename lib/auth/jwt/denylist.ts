import "server-only";

import { getDb } from "../../db.ts";
import { getConfig } from "../../env.ts";
import { redisDenylist } from "./redis-denylist.ts";

/**
 * Access tokens revoked before their `exp`, keyed by `jti`: never by the token string,
 * which has more than one valid spelling (JWS signatures and base64url are malleable).
 * An entry is only needed until the token would have expired anyway.
 */
export interface Denylist {
  readonly kind: "database" | "redis";
  revoke(jti: string, expiresAt: Date, now: Date): Promise<void>;
  isRevoked(jti: string, now: Date): Promise<boolean>;
}

export const databaseDenylist: Denylist = {
  kind: "database",

  async revoke(jti, expiresAt, now) {
    const db = getDb();
    await db.revokedToken.upsert({ where: { jti }, create: { jti, expiresAt }, update: { expiresAt } });
    // Purge on write, not on read: the hot path stays a single indexed lookup.
    await db.revokedToken.deleteMany({ where: { expiresAt: { lt: now } } });
  },

  // Raw, like the session lookup: on the hot path the ORM's own overhead is most of the cost.
  async isRevoked(jti, now) {
    const rows = await getDb().$queryRaw<unknown[]>`SELECT 1 AS "hit" FROM "RevokedToken" WHERE "jti" = ${jti} AND "expiresAt" > ${now}`;
    return rows.length > 0;
  },
};

/** Redis when REDIS_URL is set (shared by every instance, expiry built in), else the database. */
export function configuredDenylist(): Denylist {
  const url = getConfig().REDIS_URL;
  return url ? redisDenylist(url) : databaseDenylist;
}

/**
 * Logout's write. Recorded whatever JWT_REVOCATION_CHECK says, so turning the check on
 * later honours earlier logouts. A store that is down must not stop the logout itself
 * (cookies are still cleared, the refresh family still revoked): it is logged instead.
 */
export async function revokeAccessToken(jti: string, expiresAt: Date, now: Date): Promise<boolean> {
  try {
    await configuredDenylist().revoke(jti, expiresAt, now);
    return true;
  } catch (error) {
    console.error("[auth] could not record a revoked jti:", error instanceof Error ? error.message : error);
    return false;
  }
}

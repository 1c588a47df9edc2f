import "server-only";

import { roleSchema } from "../../users.ts";
import type { Principal } from "../types.ts";
import type { SessionWithUser } from "./store.ts";

/** Who a session row says is calling, in the shape every page and API answer reads. */

export function toPrincipal(row: SessionWithUser, expiresAt: Date): Principal {
  const role = roleSchema.safeParse(row.user.role);
  return {
    mode: "session",
    userId: row.userId,
    role: role.success ? role.data : "user",
    expiresAt,
    handles: { sessionId: row.id, tokenVersion: row.user.tokenVersion },
    api: {
      id: row.id,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
      absoluteExpiresAt: row.expiresAt.toISOString(),
      userAgent: row.userAgent,
      ip: row.ip,
    },
    profile: { email: row.user.email, name: row.user.name },
    // The row was read or there is no answer at all (503): this mode cannot fail open.
    failOpen: false,
    evidence: {
      "session row id (SHA-256 of the secret)": row.id,
      "created": row.createdAt.toISOString(),
      "last seen": row.lastSeenAt.toISOString(),
      "absolute expiry": row.expiresAt.toISOString(),
      "user agent": row.userAgent,
      "ip": row.ip,
    },
  };
}

/**
 * A cached row is one object until it is replaced (a touch, an eviction), and its principal a
 * pure function of it and its idle deadline: built once per row, not per request. Readers never
 * mutate a Principal.
 */
const principals = new WeakMap<SessionWithUser, Principal>();

export function cachedPrincipal(row: SessionWithUser, expiresAt: Date): Principal {
  const known = principals.get(row);
  if (known && known.expiresAt.getTime() === expiresAt.getTime()) return known;
  const principal = toPrincipal(row, expiresAt);
  principals.set(row, principal);
  return principal;
}

import "server-only";

import { getDb } from "../../db.ts";
import { getConfig } from "../../env.ts";
import { toDateOrNull, type DateLike } from "../../raw-dates.ts";
import type { Rejection } from "../types.ts";
import { configuredDenylist, databaseDenylist } from "./denylist.ts";
import type { AccessClaims } from "./token.ts";

/**
 * The one server-side lookup JWT mode may make after the signature checks out, chosen by
 * JWT_REVOCATION_CHECK. Each level costs at most one database round-trip.
 */

export type RevocationOutcome = { ok: true; degraded: string | null } | Rejection;

interface UserState {
  tokenVersion: number;
  disabledAt: Date | null;
  revoked: boolean;
}

/** strict with the database denylist: user state and jti in one statement. */
async function readUserState(userId: string, jti: string, now: Date): Promise<UserState | null> {
  const rows = await getDb().$queryRaw<{ tokenVersion: number | bigint; disabledAt: DateLike | null; revoked: unknown }[]>`
    SELECT u."tokenVersion", u."disabledAt",
           EXISTS(SELECT 1 FROM "RevokedToken" r WHERE r."jti" = ${jti} AND r."expiresAt" > ${now}) AS "revoked"
    FROM "User" u WHERE u."id" = ${userId}`;
  const row = rows[0];
  if (!row) return null;
  return { tokenVersion: Number(row.tokenVersion), disabledAt: toDateOrNull(row.disabledAt), revoked: Boolean(Number(row.revoked)) };
}

async function lookUp(claims: AccessClaims, now: Date): Promise<RevocationOutcome> {
  const level = getConfig().JWT_REVOCATION_CHECK;
  if (level === "none") return { ok: true, degraded: null };
  const denylist = configuredDenylist();
  if (level === "denylist") {
    return (await denylist.isRevoked(claims.jti, now)) ? revoked() : { ok: true, degraded: null };
  }
  const [state, inRedis] = await Promise.all([
    readUserState(claims.sub, claims.jti, now),
    denylist === databaseDenylist ? false : denylist.isRevoked(claims.jti, now),
  ]);
  if (!state || state.disabledAt) return { ok: false, code: "user_disabled", message: "The account is disabled or gone." };
  if (state.revoked || inRedis) return revoked();
  if (state.tokenVersion !== claims.ver) {
    return { ok: false, code: "token_stale", message: "Issued before a password change or revocation of all logins." };
  }
  return { ok: true, degraded: null };
}

function revoked(): Rejection {
  return { ok: false, code: "token_revoked", message: "This token's jti was revoked (logout) before its exp." };
}

export async function checkRevocation(claims: AccessClaims, now: Date): Promise<RevocationOutcome> {
  try {
    return await lookUp(claims, now);
  } catch (error) {
    // Every token let through this way is logged: with a revoked one this is the gap.
    console.warn(
      `[auth] revocation store unreachable (${error instanceof Error ? error.message : String(error)}); jti ${claims.jti}: ${getConfig().JWT_DENYLIST_ON_ERROR === "closed" ? "refused (fail-closed)" : "accepted on signature and exp (fail-open)"}`,
    );
    if (getConfig().JWT_DENYLIST_ON_ERROR === "closed") {
      return { ok: false, code: "revocation_check_unavailable", message: "The revocation store is unreachable.", status: 503 };
    }
    return { ok: true, degraded: "revocation store unreachable: accepted on signature and exp alone (fail-open)" };
  }
}

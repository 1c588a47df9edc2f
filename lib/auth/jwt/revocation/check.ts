import "server-only";

import { queryPrepared, type PreparedStatement } from "../../../db-prepared.ts";
import { getConfig } from "../../../env.ts";
import { reportDatabaseFailure } from "../../../db-outage.ts";
import { toDateOrNull, type DateLike } from "../../../raw-dates.ts";
import { checkCache } from "../../check-cache/index.ts";
import type { Rejection } from "../../types.ts";
import { cachedAccountState, rememberAccountState, type AccountState } from "./account-state.ts";
import { familyDenylistKey } from "./denylist.ts";
import type { AccessClaims } from "../token/token.ts";

/**
 * The one server-side lookup JWT mode makes after the signature checks out, chosen by
 * JWT_REVOCATION_CHECK: none reads nothing; denylist (the default) reads account state and
 * the denylist in a single statement, so a disable, a password change or a logout ends an
 * access token at once (ASVS 5.0 §7.4.2) for the price of one indexed round-trip.
 */

/**
 * `failOpen`: accepted without the check, because its state could not be read
 * (JWT_REVOCATION_FAIL=open). `servedFromCache`: the state came from SESSION_CACHE=push.
 */
export type RevocationOutcome = { ok: true; failOpen: boolean; servedFromCache?: boolean } | Rejection;

/**
 * User row, jti and refresh family in one round-trip, hand-written like session/store.ts
 * findSessionWithUser: quoted identifiers and bound parameters keep it valid on SQLite and
 * PostgreSQL alike. The family's entry (denylist.ts) ends tokens its logout never saw.
 */
const ACCOUNT_STATE: PreparedStatement = {
  name: "svj_account_state",
  text: `SELECT u."tokenVersion", u."disabledAt",
       EXISTS(SELECT 1 FROM "RevokedToken" r WHERE r."jti" IN ($1, $2) AND r."expiresAt" > $3) AS "revoked"
FROM "User" u WHERE u."id" = $4`,
};

export async function readAccountState(userId: string, jti: string, now: Date, familyId?: string): Promise<AccountState | null> {
  const family = familyId ? familyDenylistKey(familyId) : jti;
  const rows = await queryPrepared<{ tokenVersion: number | bigint; disabledAt: DateLike | null; revoked: unknown }>(ACCOUNT_STATE, [jti, family, now, userId]);
  const row = rows[0];
  if (!row) return null;
  return { tokenVersion: Number(row.tokenVersion), disabledAt: toDateOrNull(row.disabledAt), revoked: Boolean(Number(row.revoked)) };
}

/** Pure: what the account state says about these claims. */
export function judgeAccountState(state: AccountState | null, claims: Pick<AccessClaims, "ver">): RevocationOutcome {
  if (!state || state.disabledAt) return { ok: false, code: "user_disabled", message: "The account is disabled or gone." };
  if (state.revoked) return { ok: false, code: "token_revoked", message: "This token's jti was revoked (logout) before its exp." };
  if (state.tokenVersion !== claims.ver) {
    return { ok: false, code: "token_stale", message: "Issued before a password change, a role change or a disable." };
  }
  return { ok: true, failOpen: false };
}

/**
 * `complete`: the token exchange's check (AuthStrategy.verifyForExchange): the state is read
 * even with JWT_REVOCATION_CHECK=none, never taken from SESSION_CACHE's copy, and an unreadable
 * state is a refusal whatever JWT_REVOCATION_FAIL says.
 */
export async function checkRevocation(claims: AccessClaims, now: Date, options: { complete?: boolean } = {}): Promise<RevocationOutcome> {
  const config = getConfig();
  if (!options.complete) {
    if (config.JWT_REVOCATION_CHECK === "none") return { ok: true, failOpen: false };
    const cached = cachedAccountState(claims);
    if (cached) {
      const outcome = judgeAccountState(cached.state, claims);
      return outcome.ok ? { ...outcome, servedFromCache: true } : outcome;
    }
  }
  try {
    const since = checkCache.generation();
    const state = await readAccountState(claims.sub, claims.jti, now, claims.fid);
    rememberAccountState(claims, state, since);
    return judgeAccountState(state, claims);
  } catch (error) {
    // Every token let through this way is logged, even within an outage that is logged once:
    // with a revoked one this is the gap. A refusal is only counted into the outage.
    const fail = options.complete ? "closed" : config.JWT_REVOCATION_FAIL;
    reportDatabaseFailure("revocation_unreadable", error, { fields: { jti: claims.jti, fail }, everyTime: fail === "open" });
    if (fail === "open") return { ok: true, failOpen: true };
    return { ok: false, code: "revocation_check_unavailable", message: "The revocation state cannot be read; try again shortly.", status: 503 };
  }
}

import "server-only";

import { checkCache, checkTags } from "../../check-cache/index.ts";
import { familyDenylistKey } from "./denylist.ts";
import type { AccessClaims } from "../token/token.ts";

/**
 * The revocation statement's answer through SESSION_CACHE=push (lib/auth/check-cache), per
 * token: the user's disabled flag and token version, and whether its jti or refresh family
 * was denylisted. Stored under the user and both denylist keys, so a password change, a role
 * change, a disable (user) or a logout (jti, family) evicts it. A "revoked" answer is kept
 * too: a denylist entry never comes back to life, so a replayed logged-out token is refused
 * from memory — the denylist as an in-memory set, filled by the tokens that are presented.
 */

/** What the revocation statement (check.ts) reads: the user row's state and the denylist's answer. */
export interface AccountState {
  tokenVersion: number;
  disabledAt: Date | null;
  revoked: boolean;
}

type Claims = Pick<AccessClaims, "sub" | "jti" | "fid">;

const key = (claims: Claims) => `jwt:${claims.sub}:${claims.jti}:${claims.fid ?? ""}`;

/** Wrapped: a user that is gone (null) is an answer worth keeping too. */
export function cachedAccountState(claims: Claims): { state: AccountState | null } | undefined {
  return checkCache.get<{ state: AccountState | null }>(key(claims));
}

export function rememberAccountState(claims: Claims, state: AccountState | null, since: number): void {
  const tags = [checkTags.user(claims.sub), checkTags.revoked(claims.jti)];
  if (claims.fid) tags.push(checkTags.revoked(familyDenylistKey(claims.fid)));
  checkCache.remember(key(claims), { state }, tags, since);
}

import "server-only";

import { getConfig } from "../../env.ts";
import type { Principal } from "../types.ts";
import type { AccessClaims } from "./token/token.ts";

/** Who a verified access token says is calling, in the shape every page and API answer reads. */

const STATE_READ = {
  none: "none",
  denylist: "user row (disabled, token version) + denylist by jti, one statement",
} as const;
const FAIL_OPEN = "skipped: revocation state unreadable, accepted on signature and exp alone (JWT_REVOCATION_FAIL=open)";

export function toPrincipal(claims: AccessClaims, token: string, failOpen: boolean): Principal {
  const check = getConfig().JWT_REVOCATION_CHECK;
  return {
    mode: "jwt",
    userId: claims.sub,
    role: claims.role,
    expiresAt: new Date(claims.exp * 1000),
    handles: { jti: claims.jti, familyId: claims.fid, tokenVersion: claims.ver },
    failOpen,
    api: {
      jti: claims.jti,
      familyId: claims.fid ?? null,
      issuedAt: new Date(claims.iat * 1000).toISOString(),
      expiresAt: new Date(claims.exp * 1000).toISOString(),
      bytes: token.length,
      revocationCheck: failOpen ? FAIL_OPEN : check,
      failOpen,
    },
    evidence: {
      "jti": claims.jti,
      "refresh family": claims.fid ?? null,
      "issued at": new Date(claims.iat * 1000).toISOString(),
      "expires (exp)": new Date(claims.exp * 1000).toISOString(),
      "token bytes": token.length,
      "revocation check": check,
      "server-side state read": failOpen ? FAIL_OPEN : STATE_READ[check],
    },
  };
}

/**
 * The principal of a warm token, built once: the verified-token memo (verify/config.ts) hands
 * back the same claims object for the same token string, and a principal is a pure function of
 * those claims, the token's length, failOpen and the configured check. Never mutated by its
 * readers (nothing assigns to a Principal), so one object serves every request with that token.
 */
const principals = new WeakMap<AccessClaims, { failOpen: boolean; check: string; principal: Principal }>();

export function principalOf(claims: AccessClaims, token: string, failOpen: boolean): Principal {
  const check = getConfig().JWT_REVOCATION_CHECK;
  const known = principals.get(claims);
  if (known && known.failOpen === failOpen && known.check === check) return known.principal;
  const principal = toPrincipal(claims, token, failOpen);
  principals.set(claims, { failOpen, check, principal });
  return principal;
}

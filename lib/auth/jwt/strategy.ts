import "server-only";

import { getConfig } from "../../env.ts";
import { describeCheckCache } from "../check-cache/describe.ts";
import type { AuthUser } from "../../users.ts";
import { authCookieName, clearCookie, endedNoticeCookieName, REFRESH_COOKIE_PATH, refreshCookieName } from "../cookies.ts";
import type { AuthStrategy, CookieToSet, RequestMeta, VerifyResult } from "../types.ts";
import { deleteEndedDenylistEntries, revokeAccessToken } from "./revocation/denylist.ts";
import { jwtEdge } from "./edge.ts";
import { inspectJwt } from "./token/inspect.ts";
import { issueRefreshFamily, revokeLogin, type IssuedRefresh } from "./refresh/rotation.ts";
import { deleteEndedFamilies, revokeUserFamilies } from "./refresh/store.ts";
import { checkRevocation } from "./revocation/check.ts";
import { accessTokenSignSettings, verifyAccessTokenAuthoritatively } from "./verify/access-keys.ts";
import { signAccessToken, type AccessClaims, type AccessTokenSubject } from "./token/token.ts";
import { principalOf, toPrincipal } from "./principal.ts";

/**
 * JWT mode: the signed token is the whole truth for 15 minutes. Verifying it needs no
 * database; the revocation check (JWT_REVOCATION_CHECK) is the one optional lookup, and the
 * refresh family is what logout and "log out everywhere" can actually end.
 */

/** What an API client gets in the JSON answer. A type, not an interface: it goes into IssuedCredential's Record. */
export type JwtApiFields = {
  accessToken: string;
  tokenType: "Bearer";
  expiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string;
};

export interface IssuedJwtCredential {
  token: string;
  claims: AccessClaims;
  cookies: CookieToSet[];
  apiFields: JwtApiFields;
}

/** An access token and the cookies that carry it and its refresh token. */
export async function issueJwtCredential(subject: AccessTokenSubject, refresh: IssuedRefresh, now: Date): Promise<IssuedJwtCredential> {
  const config = getConfig();
  const { token, claims } = await signAccessToken(
    { ...subject, familyId: refresh.familyId },
    { ...(await accessTokenSignSettings(now)), ttlSeconds: config.JWT_ACCESS_TTL_SECONDS },
  );
  // Never past the family's absolute end: refreshing must not extend a login (issue: §6).
  const refreshMaxAge = Math.max(0, Math.floor((refresh.familyExpiresAt.getTime() - now.getTime()) / 1000));
  const cookies: CookieToSet[] = [
    { name: authCookieName("jwt"), value: token, maxAge: config.JWT_ACCESS_TTL_SECONDS },
    { name: refreshCookieName(), value: refresh.refreshToken, maxAge: refreshMaxAge, path: REFRESH_COOKIE_PATH },
  ];
  const apiFields: JwtApiFields = {
    accessToken: token,
    tokenType: "Bearer",
    expiresAt: new Date(claims.exp * 1000).toISOString(),
    refreshToken: refresh.refreshToken,
    refreshExpiresAt: refresh.familyExpiresAt.toISOString(),
  };
  return { token, claims, cookies, apiFields };
}

export const jwtStrategy: AuthStrategy = {
  mode: "jwt",
  acceptsBearer: true,
  companionCookies: [refreshCookieName()],

  async signIn(user: AuthUser, meta: RequestMeta) {
    const refresh = await issueRefreshFamily(user.id, meta.now);
    const issued = await issueJwtCredential({ userId: user.id, role: user.role, tokenVersion: user.tokenVersion }, refresh, meta.now);
    // A new login makes an old "you were signed out" notice stale.
    const cookies = [...issued.cookies, clearCookie(endedNoticeCookieName("jwt"))];
    return { principal: toPrincipal(issued.claims, issued.token, false), cookies, apiFields: issued.apiFields };
  },

  async verify(token: string, meta: RequestMeta): Promise<VerifyResult> {
    const verified = await verifyAccessTokenAuthoritatively(token, meta.now);
    if (!verified.ok) return verified;
    const revocation = await checkRevocation(verified.claims, meta.now);
    if (!revocation.ok) return revocation;
    return { ok: true, principal: principalOf(verified.claims, token, revocation.failOpen), ...(revocation.servedFromCache ? { servedFromCache: true } : {}) };
  },

  async verifyForExchange(token: string, meta: RequestMeta): Promise<VerifyResult> {
    const verified = await verifyAccessTokenAuthoritatively(token, meta.now);
    if (!verified.ok) return verified;
    const revocation = await checkRevocation(verified.claims, meta.now, { complete: true });
    if (!revocation.ok) return revocation;
    return { ok: true, principal: toPrincipal(verified.claims, token, false) };
  },

  async signOut({ credential, companions }, meta: RequestMeta) {
    const verified = credential ? await verifyAccessTokenAuthoritatively(credential, meta.now) : null;
    if (verified?.ok) {
      // Recorded even when the check is off, so turning it on later honours earlier logouts.
      const { jti, exp } = verified.claims;
      await revokeAccessToken(jti, new Date(exp * 1000), meta.now);
    }
    await revokeLogin({ familyId: verified?.ok ? verified.claims.fid : undefined, refreshToken: companions[refreshCookieName()] }, meta.now);
    return [clearCookie(authCookieName("jwt")), clearCookie(refreshCookieName(), REFRESH_COOKIE_PATH)];
  },

  // Refresh families are what can end; access tokens already out die by the version bump the
  // caller makes (lib/account.ts), which the default revocation check compares.
  endAllForUser: (userId, { except, reason, now }) => revokeUserFamilies(userId, reason, now, except?.familyId),
  sweepExpired: async (before, limits) => ({
    ...(await deleteEndedFamilies(before, limits)),
    revokedTokens: await deleteEndedDenylistEntries(before, limits),
  }),

  // A refresh family is per login, but nothing here lists them to the user yet.
  devices: null,

  // The access token names no ended login the page could look up; the refresh endpoint, which
  // sees the revoked family, leaves the notice in a cookie instead (lib/http/refresh-api.ts).
  endedNotice: async () => null,

  recoveryPath: jwtEdge.recoveryPath,
  scriptRenewPath: jwtEdge.scriptRenewPath,

  inspect: inspectJwt,

  describe() {
    const cache = describeCheckCache();
    return {
      mode: "jwt",
      title: "Stateless JWT",
      credentialLabel: "token",
      cookieName: authCookieName("jwt"),
      stateLivesIn: "In the signed token the browser holds; the server keeps refresh families and a denylist of revoked ids.",
      revocation: `A logout ends the login's refresh family at once, and the revocation check refuses a revoked access token on its next request (it looks up the token's jti and the user's token version); with the check off, a copied access token works until its exp.${cache.revocationNote}`,
      canRevoke: [
        "the refresh family of this login (logout), at once",
        "every refresh family of a user (password change, admin disable), at once",
        "this access token by its jti (logout), when the revocation check is on (the default)",
        "all of a user's earlier access tokens (password change, disable, role change), when the check is on",
      ],
      cannotRevoke: [
        "a copied access token when the check is off: it works until exp (≤ 15 min by default)",
        "a token already exchanged for the downstream service: it works there until its exp (≤ 60 s), logout or not",
        ...(cache.gap ? [cache.gap] : []),
      ],
    };
  },
};

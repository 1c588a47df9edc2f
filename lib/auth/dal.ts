import "server-only";

import { redirect } from "next/navigation";
import { cache } from "react";
import { isDemonstrationUser } from "../core-hooks.ts";
import { recordAuthCheck } from "../metrics/auth-metrics.ts";
import { countQueries } from "../metrics/query-count.ts";
import { noteAuthTiming } from "../metrics/request-timing.ts";
import { findUserProfile } from "../users.ts";
import { verifyWithCheckCookie } from "./check-cache/cookie-mode.ts";
import { strategies } from "./registry.ts";
import { currentPathname, readCredential, requestMeta, type PresentedCredential } from "./request.ts";
import type { AuthMode, Principal, Rejection } from "./types.ts";

/**
 * The Data Access Layer: the authoritative check for every page, action and route handler.
 * `cache` makes it run once per request however many components ask (React 19 request
 * memoisation), so a page with five protected components still costs one verification.
 */

export type AuthCheck =
  | { ok: true; principal: Principal; credential: PresentedCredential }
  | (Rejection & { credential: PresentedCredential | null });

export const verifyAuth = cache(async (mode: AuthMode): Promise<AuthCheck> => {
  const credential = await readCredential(mode, strategies[mode].acceptsBearer);
  if (!credential) return { ok: false, code: "no_credential", message: "Not logged in.", credential: null };
  const meta = await requestMeta();
  const started = performance.now();
  const { result, queries, redisOperations } = await countQueries(() =>
    verifyWithCheckCookie(mode, credential, meta, () => strategies[mode].verify(credential.value, meta)),
  );
  const micros = (performance.now() - started) * 1000;
  const cookieBytes = credential.source === "cookie" ? credential.value.length + strategies[mode].describe().cookieName.length + 1 : 0;
  const servedFromCache = result.ok && result.servedFromCache === true;
  recordAuthCheck({
    mode, micros, queries, redisOperations, cookieBytes, accepted: result.ok, refusal: result.ok ? undefined : result.code,
    servedFromCache, lab: result.ok && isDemonstrationUser(result.principal.userId),
  });
  noteAuthTiming({ mode, micros, queries, cookieBytes, servedFromCache });
  return { ...result, credential };
});

export type AcceptedCheck = Extract<AuthCheck, { ok: true }>;

/** For pages and actions: the accepted check, or a redirect to this mode's login page. */
export async function requireAuth(mode: AuthMode): Promise<AcceptedCheck> {
  const check = await verifyAuth(mode);
  if (!check.ok) redirect(strategies[mode].recoveryPath(await currentPathname()));
  return check;
}

export async function requireUser(mode: AuthMode): Promise<Principal> {
  return (await requireAuth(mode)).principal;
}

/** What a form whose post found no usable credential does next (app/components/use-renewing-action.ts). */
export interface CredentialRenewal {
  /** POST here to renew in place, then post the same form again; null: log in. */
  scriptRenewPath: string | null;
  /** The page-load way: a refresh first, or the login page, coming back to this page. */
  recoveryPath: string;
}

/**
 * For a form's Server Action: the principal, or — instead of a redirect, which throws away what
 * was typed — how the form can renew the credential and post again. A JWT page left open past
 * the access token's life still holds a good refresh cookie, but that cookie is scoped to
 * /api/jwt and never reaches an action: only the page's script can spend it.
 */
export async function userOrRenewal(mode: AuthMode): Promise<{ principal: Principal } | { renew: CredentialRenewal }> {
  const check = await verifyAuth(mode);
  if (check.ok) return { principal: check.principal };
  const strategy = strategies[mode];
  return { renew: { scriptRenewPath: strategy.scriptRenewPath, recoveryPath: strategy.recoveryPath(await currentPathname()) } };
}

/**
 * Name and e-mail for display. Session mode already joined them; JWT mode carries no
 * personal data in the token, so showing them costs a read that is not part of the auth check.
 */
export const getProfile = cache(async (principal: Principal): Promise<{ email: string; name: string } | null> => {
  if (principal.profile) return principal.profile;
  return findUserProfile(principal.userId);
});

/**
 * The token exchange's check (strategies[mode].verifyForExchange): complete whatever the
 * configuration, so it is not the cached, metered `verifyAuth` — an exchange runs it once, and
 * its extra revocation read under JWT_REVOCATION_CHECK=none must not show up in /compare's
 * per-check figures as if every request paid it.
 */
export async function verifyAuthForExchange(mode: AuthMode): Promise<AuthCheck> {
  const credential = await readCredential(mode, strategies[mode].acceptsBearer);
  if (!credential) return { ok: false, code: "no_credential", message: "Not logged in.", credential: null };
  return { ...(await strategies[mode].verifyForExchange(credential.value, await requestMeta())), credential };
}

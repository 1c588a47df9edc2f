import "server-only";

import type { AuthUser } from "../users.ts";
import { strategies } from "./registry.ts";
import { readCookies, readCredential, requestMeta, writeCookies } from "./request.ts";
import type { AuthMode, IssuedCredential } from "./types.ts";

/**
 * Replaces the credential this request presented with a fresh one for the same user, after
 * a privilege change such as a new password (OWASP Session Management Cheat Sheet: renew on
 * privilege change; ASVS 5.0 §7.2.4). The old one is ended exactly as a logout ends it —
 * session row deleted; refresh family revoked and the access token's jti denylisted — so a
 * copy an attacker took is worthless, while this browser carries on with the new one.
 * `setCookies` is false for API clients that sent a Bearer token: they get the new tokens in
 * the body instead (IssuedCredential.apiFields).
 */
export async function renewPresentedCredential(mode: AuthMode, user: AuthUser, options: { setCookies: boolean }): Promise<IssuedCredential> {
  const strategy = strategies[mode];
  const meta = await requestMeta();
  const presented = await readCredential(mode, strategy.acceptsBearer);
  const companions = await readCookies(strategy.companionCookies);
  // Ended first: if issuing fails, the user logs in again; the old credential is gone either way.
  await strategy.signOut({ credential: presented?.value ?? null, companions }, meta);
  const issued = await strategy.signIn(user, meta);
  if (options.setCookies) await writeCookies(issued.cookies, { mode, userId: user.id });
  return issued;
}

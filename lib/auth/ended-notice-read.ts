import "server-only";

import { endedNoticeCookieName } from "./cookies.ts";
import { endedNoticeMessage, isEndedNoticeCode } from "./ended-notice.ts";
import { strategies } from "./registry.ts";
import { readCookies, readCredential } from "./request.ts";
import type { AuthMode } from "./types.ts";

/**
 * For the login page: the sentence saying why this browser's login of `mode` ended, or null.
 * Only ever from what this browser holds — the mode's leftover credential (session mode looks
 * its reason up) or the notice cookie the mode set when it found out (JWT mode's refresh).
 * Never from the URL, so nobody can be shown a reason by a link. A live login has none:
 * reasons are kept only for logins already ended.
 */
export async function readEndedNotice(mode: AuthMode): Promise<string | null> {
  const strategy = strategies[mode];
  const cookieName = endedNoticeCookieName(mode);
  const fromCookie = (await readCookies([cookieName]))[cookieName];
  if (isEndedNoticeCode(fromCookie)) return endedNoticeMessage(fromCookie);
  const credential = await readCredential(mode, false);
  if (!credential) return null;
  return endedNoticeMessage(await strategy.endedNotice(credential.value));
}

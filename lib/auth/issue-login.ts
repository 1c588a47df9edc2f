import "server-only";

import { getConfig } from "../env.ts";
import { recordLogin, type AuthUser } from "../users.ts";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceCookieName, issueDeviceCookie } from "./device-cookie.ts";
import { strategies } from "./registry.ts";
import { requestMeta, writeCookies } from "./request.ts";
import type { AuthMode } from "./types.ts";

/**
 * Logs a user in whom something other than the password form has just proven (the sign-up
 * confirmation link): the mode issues its credential, this browser gets the account's device
 * cookie, as after a password login (lib/auth/sign-in.ts). The caller has refused plain HTTP
 * off loopback before (refusePlainHttpLogin), so nothing is issued that the browser would drop.
 */
export async function issueLoginFor(mode: AuthMode, user: AuthUser): Promise<void> {
  const meta = await requestMeta();
  const issued = await strategies[mode].signIn(user, meta);
  const device = issueDeviceCookie(user.email, getConfig().SESSION_SECRET);
  await writeCookies([{ name: deviceCookieName(), value: device.value, maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS }]);
  await writeCookies(issued.cookies, { mode, userId: user.id });
  await recordLogin(user.id, meta.now);
}

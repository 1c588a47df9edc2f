import "server-only";

import { findUserById } from "../users.ts";
import { verifyAuth } from "./dal.ts";
import { AUTH_MODES, type Principal } from "./types.ts";

/**
 * Admin pages, in either mode: logged in (the DAL), and admin *now* according to the user row,
 * never the token's role claim (a demoted admin's JWT still says admin until exp). Same rule
 * as the admin API's requireAdmin (lib/http/account-api.ts).
 */
export type AdminCheck = { ok: true; principal: Principal } | { ok: false; reason: "not_logged_in" | "forbidden" };

export async function checkAdmin(): Promise<AdminCheck> {
  let loggedIn = false;
  for (const mode of AUTH_MODES) {
    const check = await verifyAuth(mode);
    if (!check.ok) continue;
    loggedIn = true;
    const user = await findUserById(check.principal.userId);
    const issuedVersion = check.principal.handles.tokenVersion;
    if (user?.role === "admin" && (issuedVersion === undefined || issuedVersion === user.tokenVersion)) return { ok: true, principal: check.principal };
  }
  return { ok: false, reason: loggedIn ? "forbidden" : "not_logged_in" };
}

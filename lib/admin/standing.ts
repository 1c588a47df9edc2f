import "server-only";

import { verifyAuth } from "../auth/dal.ts";
import { AUTH_MODES, type AuthMode, type Principal } from "../auth/types.ts";
import { findUserById, type AuthUser } from "../users.ts";

/**
 * Admin privilege is read from the user row, never from a token's claims: a JWT keeps the role
 * it was issued with until exp, and a demoted or disabled admin must not act on it. A
 * credential issued before a revoking event (token version bump) is refused too.
 */
export type AdminStanding = { kind: "admin"; user: AuthUser } | { kind: "not_admin" } | { kind: "stale" };

export async function readAdminStanding(principal: Principal): Promise<AdminStanding> {
  const user = await findUserById(principal.userId);
  const issuedVersion = principal.handles.tokenVersion;
  if (!user || (issuedVersion !== undefined && issuedVersion !== user.tokenVersion)) return { kind: "stale" };
  return user.role === "admin" ? { kind: "admin", user } : { kind: "not_admin" };
}

export type AdminGate =
  | { kind: "admin"; principal: Principal; user: AuthUser }
  | { kind: "forbidden"; principal: Principal }
  /** `rejected`: a mode whose credential was presented but not accepted (expired, revoked, stale). */
  | { kind: "anonymous"; rejected: AuthMode | null };

/**
 * For pages and server actions open to admins of either mode: each mode's authoritative check
 * (cached per request), and the first credential whose user is an admin now wins. A visitor
 * logged in to both modes as different users is judged by the admin one.
 */
export async function checkAdminAnyMode(): Promise<AdminGate> {
  let loggedIn: Principal | null = null;
  let rejected: AuthMode | null = null;
  for (const mode of AUTH_MODES) {
    const check = await verifyAuth(mode);
    if (!check.ok) {
      if (check.credential) rejected ??= mode;
      continue;
    }
    const standing = await readAdminStanding(check.principal);
    if (standing.kind === "admin") return { kind: "admin", principal: check.principal, user: standing.user };
    if (standing.kind === "not_admin") loggedIn ??= check.principal;
    else rejected ??= mode;
  }
  return loggedIn ? { kind: "forbidden", principal: loggedIn } : { kind: "anonymous", rejected };
}

import "server-only";

import { z } from "zod";
import { auditActorFor } from "../admin/actor.ts";
import { readAdminStanding } from "../admin/standing.ts";
import {
  adminDisableUser,
  adminEnableUser,
  adminEndEverything,
  adminSetRole,
  type AdminActionRefusal,
  type AdminActionResult,
} from "../admin/user-actions.ts";
import { roleSchema } from "../roles.ts";
import { authenticated } from "./account-api.ts";
import type { ApiCaller } from "./auth-api.ts";
import { readJsonBody } from "./body.ts";
import { isPlausibleId } from "./ids.ts";
import { json, jsonError } from "./json.ts";

/** The admin API: every action through lib/admin/user-actions.ts, each one audited. */

/**
 * Privilege is read from the user row, never from a token's claims: a JWT keeps the role it
 * was issued with until exp, and a demoted or disabled admin must not act on it. One read,
 * on rare endpoints (lib/admin/standing.ts says why).
 */
export async function requireAdmin(request: Request): Promise<ApiCaller> {
  const auth = await authenticated(request);
  if (!auth.ok) return auth;
  const standing = await readAdminStanding(auth.principal);
  if (standing.kind === "stale") {
    return { ok: false as const, response: jsonError(401, "token_stale", "Log in again: this credential predates a change to the account.") };
  }
  if (standing.kind !== "admin") return { ok: false as const, response: jsonError(403, "forbidden", "Admins only.") };
  return auth;
}

const REFUSALS: Record<AdminActionRefusal, () => Response> = {
  user_not_found: () => jsonError(404, "user_not_found", "No user has that id."),
  cannot_disable_self: () => jsonError(409, "cannot_disable_self", "Admins cannot disable themselves."),
  last_admin: () => jsonError(409, "last_admin", "That would leave no active admin."),
};

function answer(result: AdminActionResult, body: Record<string, unknown>): Response {
  if (!result.ok) return REFUSALS[result.code]();
  return json({ ...body, revokedSessions: result.revokedSessions, revokedFamilies: result.revokedFamilies });
}

export async function apiSetDisabled(request: Request, userId: string, disabled: boolean): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  if (!isPlausibleId(userId)) return REFUSALS.user_not_found();
  const actor = await auditActorFor(auth.principal);
  const result = disabled ? await adminDisableUser(actor, userId, new Date()) : await adminEnableUser(actor, userId, new Date());
  return answer(result, { userId, disabled });
}

const roleBodySchema = z.object({ role: roleSchema });

export async function apiSetRole(request: Request, userId: string): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  if (!isPlausibleId(userId)) return REFUSALS.user_not_found();
  const body = await readJsonBody(request, roleBodySchema);
  if (!body.ok) return body.response;
  const result = await adminSetRole(await auditActorFor(auth.principal), userId, body.data.role, new Date());
  if (!result.ok) return REFUSALS[result.code]();
  return json({ userId, role: body.data.role });
}

/** Every session and refresh family of the user; earlier access tokens go stale (version bump). */
export async function apiEndEverything(request: Request, userId: string): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  if (!isPlausibleId(userId)) return REFUSALS.user_not_found();
  return answer(await adminEndEverything(await auditActorFor(auth.principal), userId, new Date()), { userId });
}

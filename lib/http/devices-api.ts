import "server-only";

import { z } from "zod";
import { authCookieName, clearCookie } from "../auth/cookies.ts";
import { deviceView } from "../auth/session/device-view.ts";
import { deleteUserSession, deleteUserSessions, listUserSessions } from "../auth/session/store.ts";
import { writeCookies } from "../auth/request.ts";
import { authenticate, crossSite } from "./auth-api.ts";
import { readJsonBody } from "./body.ts";
import { json, jsonError, noContent } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";

/** Session mode's device list: every login is a row, so every login can be listed and ended. */

export async function apiListSessions(): Promise<Response> {
  const auth = await authenticate("session");
  if (!auth.ok) return auth.response;
  const rows = await listUserSessions(auth.principal.userId, new Date());
  return json({ sessions: rows.map((row) => deviceView(row, auth.principal)) });
}

export async function apiRevokeSession(request: Request, id: string): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const auth = await authenticate("session");
  if (!auth.ok) return auth.response;
  // Another user's id and a made-up one look the same: 404, nothing deleted, nothing revealed.
  if (id.length > 128 || !(await deleteUserSession(auth.principal.userId, id))) {
    return jsonError(404, "session_not_found", "No session of yours has that id.");
  }
  if (id === auth.principal.handles.sessionId) await writeCookies([clearCookie(authCookieName("session"))]);
  return noContent();
}

const everywhereSchema = z.object({ keepCurrent: z.boolean({ error: "keepCurrent must be true or false." }).default(true) });

export async function apiLogoutEverywhere(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const auth = await authenticate("session");
  if (!auth.ok) return auth.response;
  const hasBody = request.headers.has("content-type");
  const body = hasBody ? await readJsonBody(request, everywhereSchema) : ({ ok: true, data: { keepCurrent: true } } as const);
  if (!body.ok) return body.response;
  const keep = body.data.keepCurrent ? auth.principal.handles.sessionId : undefined;
  const revoked = await deleteUserSessions(auth.principal.userId, keep);
  if (!keep) await writeCookies([clearCookie(authCookieName("session"))]);
  return json({ revoked, keptCurrent: Boolean(keep) });
}

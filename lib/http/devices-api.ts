import "server-only";

import { z } from "zod";
import { endAllDevices, endDevice, listDevices } from "../auth/devices.ts";
import { authenticate, crossSite } from "./auth-api.ts";
import { readJsonBody } from "./body.ts";
import { isPlausibleId } from "./ids.ts";
import { json, jsonError, noContent } from "./json.ts";
import { isCrossSiteRequest } from "./origin.ts";

/** Session mode's device list: the same lib/auth/devices.ts the devices page's actions call. */

export async function apiListSessions(): Promise<Response> {
  const auth = await authenticate("session");
  if (!auth.ok) return auth.response;
  const list = await listDevices(auth.principal, new Date());
  if (!list.ok) return jsonError(404, list.code, "This mode keeps no list of logins.");
  return json({ sessions: list.devices });
}

export async function apiRevokeSession(request: Request, id: string): Promise<Response> {
  if (isCrossSiteRequest(request)) return crossSite();
  const auth = await authenticate("session");
  if (!auth.ok) return auth.response;
  const outcome = isPlausibleId(id) ? await endDevice(auth.principal, id) : { ok: false };
  // Another user's id and a made-up one look the same: 404, nothing deleted, nothing revealed.
  if (!outcome.ok) return jsonError(404, "session_not_found", "No session of yours has that id.");
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
  const revoked = await endAllDevices(auth.principal, { keepCurrent: body.data.keepCurrent, now: new Date() });
  return json({ revoked, keptCurrent: body.data.keepCurrent });
}

import "server-only";

import { labOrigin } from "../labs/enabled.ts";
import { labInstanceId } from "../labs/instance.ts";
import { runLab } from "../labs/run.ts";
import { isLabId } from "../labs/types.ts";
import { crossSite } from "./auth-api.ts";
import { json, jsonError } from "./json.ts";
import { notFound } from "./labs-switch.ts";
import { isSameOriginRequest } from "./origin.ts";
import { verifyLabStarter } from "../labs/starter.ts";

/** POST /api/labs/<lab> and GET /api/labs/instance (routes wrap them in labsOnly). */

export async function apiRunLab(request: Request, lab: string): Promise<Response> {
  if (!isLabId(lab)) return notFound();
  // A lab takes real actions on the server's behalf (users, logins, an outage for its own
  // requests): only a logged-in user, from a page of this very origin, may start one.
  if (!isSameOriginRequest(request)) return crossSite();
  const starter = await verifyLabStarter();
  if (!starter) return jsonError(401, "login_required", "Log in (either mode) to run a lab.");
  const run = await runLab(lab, labOrigin(), starter);
  if (run.ok) return json(run.result);
  const response = jsonError(run.status, run.code, run.message);
  if (run.retryAfterSeconds !== undefined) response.headers.set("Retry-After", String(run.retryAfterSeconds));
  return response;
}

export async function apiLabInstance(): Promise<Response> {
  return json({ instance: labInstanceId() });
}

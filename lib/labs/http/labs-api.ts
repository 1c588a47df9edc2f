import "server-only";

import { labOrigin } from "../enabled.ts";
import { labInstanceId } from "../origin-process.ts";
import { runLab } from "../run-lab.ts";
import { isLabId } from "../types.ts";
import { crossSite } from "../../http/auth-api.ts";
import { json, jsonError } from "../../http/json.ts";
import { notFound } from "./labs-switch.ts";
import { isSameOriginRequest } from "../../http/origin.ts";
import { verifyLabStarter } from "../starter.ts";

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

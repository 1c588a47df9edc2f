import "server-only";

import { labOrigin } from "../labs/enabled.ts";
import { labInstanceId } from "../labs/instance.ts";
import { runLab } from "../labs/run.ts";
import { isLabId } from "../labs/types.ts";
import { crossSite } from "./auth-api.ts";
import { json, jsonError } from "./json.ts";
import { notFound } from "./labs-switch.ts";
import { isCrossSiteRequest } from "./origin.ts";

/** POST /api/labs/<lab> and GET /api/labs/instance (routes wrap them in labsOnly). */

export async function apiRunLab(request: Request, lab: string): Promise<Response> {
  if (!isLabId(lab)) return notFound();
  // Unauthenticated, but it takes real actions (the outage lab stops the database): no
  // other site may make a visitor's browser start one.
  if (isCrossSiteRequest(request)) return crossSite();
  const run = await runLab(lab, labOrigin());
  if (run.ok) return json(run.result);
  const response = jsonError(run.status, run.code, run.message);
  if (run.retryAfterSeconds !== undefined) response.headers.set("Retry-After", String(run.retryAfterSeconds));
  return response;
}

export async function apiLabInstance(): Promise<Response> {
  return json({ instance: labInstanceId() });
}

import "server-only";

import { createHash, timingSafeEqual } from "node:crypto";
import { parseBearer } from "../auth/request.ts";
import { getConfig } from "../env.ts";
import { renderPrometheusMetrics } from "../metrics/prometheus.ts";
import { jsonError } from "./json.ts";

/**
 * GET /api/metrics/prometheus: this instance's figures for Prometheus, to whoever holds
 * METRICS_TOKEN. They say how busy the instance is, which users' traffic fails and when the
 * database is down — an operator's view, not a visitor's. Without a token configured the path
 * does not exist (404), so a deployment exposes nothing it did not choose to. Why a token and
 * not "loopback only": see docs/FLEET.md.
 */
export async function apiPrometheusMetrics(request: Request): Promise<Response> {
  const token = getConfig().METRICS_TOKEN;
  if (!token) return jsonError(404, "not_found", "No such endpoint.");
  if (!presentsToken(request.headers.get("authorization"), token)) {
    const response = jsonError(401, "metrics_token_required", "Send the metrics token: Authorization: Bearer <METRICS_TOKEN>.");
    response.headers.set("WWW-Authenticate", 'Bearer realm="metrics"');
    return response;
  }
  const { body, contentType } = await renderPrometheusMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}

/** Compared as digests of equal length, in constant time: the comparison says nothing of how close a guess came. */
function presentsToken(header: string | null, token: string): boolean {
  const presented = parseBearer(header);
  if (!presented) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(token));
}

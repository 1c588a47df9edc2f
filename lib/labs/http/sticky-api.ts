import "server-only";

import { cookies } from "next/headers";
import { z } from "zod";
import { isProduction } from "../../env.ts";
import { instanceName } from "../../instance-name.ts";
import { errorText, logEvent } from "../../log.ts";
import { STICKY_LAB_PREFIX } from "../sticky-sessions/balancer-contract.ts";
import { crashedForStickyLab, processToySessions } from "../sticky-sessions/instance-crash.ts";
import { TOY_SESSION_COOKIE, TOY_STORE_LIMITS } from "../sticky-sessions/toy-session-store.ts";
import { apiMe } from "../../http/auth-api.ts";
import { readJsonBody } from "../../http/body.ts";
import { json, jsonError } from "../../http/json.ts";
import { notFound } from "./labs-switch.ts";

/**
 * The sticky-sessions lab's endpoints (/api/labs/sticky/*, the only paths the fleet's balancer
 * pins by cookie). Routes wrap them in labsOnly. On an instance the lab has "crashed", every
 * one of them answers 503 — a dead process would not answer at all — and the balancer's
 * sticky backend, whose health check is one of them, takes the instance out. So does an
 * instance that cannot read the shared state that says whether it is crashed.
 */

async function whileUp(handler: () => Promise<Response>): Promise<Response> {
  let crashed: boolean;
  try {
    crashed = await crashedForStickyLab();
  } catch (error) {
    // The shared state did not answer (Redis slow or down): whether this instance is "crashed"
    // is unknown, so it is not offered as up — the balancer's check fails like a crash's would.
    logEvent("sticky_lab_state_unreadable", { error: errorText(error) }, "error");
    return unavailable("state_unavailable", "The lab's shared state did not answer; try again shortly.");
  }
  if (!crashed) return handler();
  return unavailable("instance_down", `${instanceName()} is down for the sticky-sessions lab (a lab-only crash); the balancer will send you elsewhere.`);
}

function unavailable(code: string, message: string): Response {
  const response = jsonError(503, code, message);
  response.headers.set("Retry-After", "1");
  return response;
}

/** GET /api/labs/sticky/health: what the sticky backend's health check reads. */
export function apiStickyHealth(): Promise<Response> {
  return whileUp(async () => json({ instance: instanceName() }));
}

const toyLoginSchema = z.object({ name: z.string().trim().min(1).max(254) });

/**
 * POST /api/labs/sticky/login: a toy session in this process's memory. No password: the toy
 * grants nothing (only /api/labs/sticky/me/memory reads it), and the store is capped.
 */
export function apiToyLogin(request: Request): Promise<Response> {
  return whileUp(async () => {
    const body = await readJsonBody(request, toyLoginSchema);
    if (!body.ok) return body.response;
    const id = processToySessions().create(body.data.name, Date.now());
    (await cookies()).set(TOY_SESSION_COOKIE, id, {
      path: STICKY_LAB_PREFIX.replace(/\/$/, ""),
      httpOnly: true,
      sameSite: "lax",
      secure: isProduction(),
      maxAge: TOY_STORE_LIMITS.ttlMs / 1000,
    });
    return json({ store: "memory", name: body.data.name, instance: instanceName() });
  });
}

const STORES = ["memory", "session", "jwt"] as const;

/**
 * GET /api/labs/sticky/me/<store>: who is logged in, by one store. `memory`: the toy session
 * in this process's memory; `session` / `jwt`: the app's real check, unchanged (/api/<mode>/me).
 */
export function apiStickyMe(store: string): Promise<Response> {
  const known = STORES.find((candidate) => candidate === store);
  if (!known) return Promise.resolve(notFound());
  return whileUp(async () => {
    if (known !== "memory") return apiMe(known);
    const id = (await cookies()).get(TOY_SESSION_COOKIE)?.value;
    if (!id) return jsonError(401, "no_credential", "No toy session cookie came with this request.");
    const session = processToySessions().find(id, Date.now());
    if (!session) return jsonError(401, "toy_session_unknown", `${instanceName()} has no such session in its memory.`);
    return json({ store: "memory", name: session.name, instance: instanceName() });
  });
}

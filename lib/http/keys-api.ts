import "server-only";

import { auditActorFor } from "../admin/actor.ts";
import { adminRotateKeys } from "../admin/key-actions.ts";
import { listSigningKeys, publishedJwks, rotationPolicy } from "../auth/jwt/key-admin.ts";
import { JWKS_MAX_AGE_SECONDS } from "../auth/jwt/key-rotation.ts";
import { requireAdmin } from "./admin-api.ts";
import { json, jsonError } from "./json.ts";

/**
 * GET /.well-known/jwks.json: public, cacheable — for as long as a rotation allows: a new key
 * is published PUBLISH_LEAD_SECONDS (≥ this max-age) before it signs. Served from this
 * instance's copy of the key set, so it keeps answering while the database is down.
 */
export async function apiJwks(): Promise<Response> {
  try {
    return Response.json(await publishedJwks(new Date()), {
      headers: { "Cache-Control": `public, max-age=${JWKS_MAX_AGE_SECONDS}` },
    });
  } catch (error) {
    // Never loaded and the database unreachable: nothing to publish yet, and not cacheable.
    console.error(`[auth] jwks_unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return jsonError(503, "jwks_unavailable", "The signing keys cannot be read right now.");
  }
}

/** GET /api/admin/keys: the keys and their states (admin only, from the user row). */
export async function apiListKeys(request: Request): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  return json({ keys: await listSigningKeys(new Date()), policy: rotationPolicy() });
}

/** POST /api/admin/keys/rotate: a new `next` key, audited; the old one keeps verifying through its tail. */
export async function apiRotateKeys(request: Request): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  const { keys } = await adminRotateKeys(await auditActorFor(auth.principal), new Date());
  return json({ keys, policy: rotationPolicy() });
}

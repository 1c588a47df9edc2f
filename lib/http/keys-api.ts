import "server-only";

import { auditActorFor } from "../admin/actor.ts";
import { adminRetireKey, adminRotateKeys } from "../admin/key-actions.ts";
import { listSigningKeys, publishedJwks, rotationPolicy } from "../auth/jwt/keys/admin.ts";
import { JWKS_MAX_AGE_SECONDS } from "../auth/jwt/keys/timeline.ts";
import { errorText, logEvent } from "../log.ts";
import { requireAdmin } from "./admin-api.ts";
import { json, jsonError } from "./json.ts";
import { indentedJson } from "./responses.ts";

/**
 * GET /.well-known/jwks.json: public, cacheable — for as long as a rotation allows: a new key
 * is published PUBLISH_LEAD_SECONDS (≥ this max-age) before it signs. Served from this
 * instance's copy of the key set, so it keeps answering while the database is down.
 */
export async function apiJwks(): Promise<Response> {
  try {
    return indentedJson(await publishedJwks(new Date()), {
      headers: new Headers({ "Cache-Control": `public, max-age=${JWKS_MAX_AGE_SECONDS}` }),
    });
  } catch (error) {
    // Never loaded and the database unreachable: nothing to publish yet, and not cacheable.
    logEvent("jwks_unavailable", { error: errorText(error) }, "error");
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

/** A kid is an RFC 7638 thumbprint (43 base64url characters); anything else names no key of ours. */
const KID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * POST /api/admin/keys/:kid/retire: the key stops verifying now — on this instance at its very
 * next check, on the others within their key-set reload (30 s). Audited. 404 for a kid we do not
 * have, 409 for one retired already.
 */
export async function apiRetireKey(request: Request, kid: string): Promise<Response> {
  const auth = await requireAdmin(request);
  if (!auth.ok) return auth.response;
  if (!KID.test(kid)) return jsonError(404, "key_not_found", "No signing key has this kid.");
  const result = await adminRetireKey(await auditActorFor(auth.principal), kid, new Date());
  if (!result.ok) return jsonError(result.code === "key_not_found" ? 404 : 409, result.code, result.message);
  return json({ retired: result.retired, replacement: result.replacement, keys: result.keys, policy: rotationPolicy() });
}

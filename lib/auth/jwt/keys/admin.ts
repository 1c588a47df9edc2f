import "server-only";

import { getConfig } from "../../../env.ts";
import { JWKS_MAX_AGE_SECONDS, KEY_RELOAD_INTERVAL_SECONDS, PUBLISH_LEAD_SECONDS, type KeyState } from "./timeline.ts";
import { forgetLoadedKeys, keyStatuses, verifyTailSeconds } from "./key-set.ts";
import { activateSigningKeyNow, createSigningKey, loadSigningKeys, retireSigningKey, rotateSigningKey } from "./store.ts";

/**
 * What the JWKS endpoint, the admin page, the rotate API and `npm run keys:rotate` share.
 * Public halves only: nothing here ever returns a private key.
 */

export interface PublishedJwk {
  kid: string;
  kty: "OKP";
  crv: "Ed25519";
  x: string;
  alg: "EdDSA";
  use: "sig";
}

/**
 * next, active and retiring keys (RFC 7517 §5). With JWT_ALG=HS256 the set is empty: the
 * HMAC secret signs as well as verifies, so there is nothing that could be made public.
 */
export async function publishedJwks(now: Date): Promise<{ keys: PublishedJwk[] }> {
  if (getConfig().JWT_ALG === "HS256") return { keys: [] };
  const keys = (await keyStatuses(now))
    .filter(({ status }) => status.state !== "retired")
    .map(({ key }) => ({ kid: key.kid, ...key.publicJwk, alg: "EdDSA" as const, use: "sig" as const }));
  return { keys };
}

export interface KeyListing {
  kid: string;
  generation: number;
  state: KeyState;
  createdAt: string;
  activatesAt: string;
  retiresAt: string | null;
}

export async function listSigningKeys(now: Date): Promise<KeyListing[]> {
  return (await keyStatuses(now))
    .map(({ key, status }) => ({
      kid: key.kid,
      generation: key.generation,
      state: status.state,
      createdAt: key.createdAt.toISOString(),
      activatesAt: key.activatesAt.toISOString(),
      retiresAt: status.retiresAt?.toISOString() ?? null,
    }))
    .sort((a, b) => b.generation - a.generation);
}

/** The timings a rotation follows, in words a page or a script can print. */
export interface RotationPolicy {
  jwksMaxAgeSeconds: number;
  keyReloadSeconds: number;
  publishLeadSeconds: number;
  verifyTailSeconds: number;
}

export function rotationPolicy(): RotationPolicy {
  return {
    jwksMaxAgeSeconds: JWKS_MAX_AGE_SECONDS,
    keyReloadSeconds: KEY_RELOAD_INTERVAL_SECONDS,
    publishLeadSeconds: PUBLISH_LEAD_SECONDS,
    verifyTailSeconds: verifyTailSeconds(),
  };
}

/**
 * A new key, published now and signing after the publish lead. The current set is loaded
 * first, so a rotation on an empty table still leaves an active key to sign with meanwhile.
 */
export async function rotateSigningKeys(now: Date): Promise<{ created: KeyListing; keys: KeyListing[] }> {
  const encryptionSecret = getConfig().JWT_KEY_ENCRYPTION_SECRET;
  await loadSigningKeys({ now, tailSeconds: verifyTailSeconds(), encryptionSecret });
  const stored = await rotateSigningKey({ now, encryptionSecret });
  // This instance sees its own rotation at once; the others within KEY_RELOAD_INTERVAL_SECONDS.
  forgetLoadedKeys();
  const keys = await listSigningKeys(now);
  // The key this call made, not the newest: another admin may have rotated at the same moment.
  const created = keys.find((key) => key.kid === stored.kid);
  if (!created) throw new Error(`[auth] signing_key_rotation_lost: ${stored.kid} is not in the key set it was just added to`);
  return { created, keys };
}

export type RetireResult =
  | { ok: true; retired: KeyListing; replacement: KeyListing | null; keys: KeyListing[] }
  | { ok: false; code: "key_not_found" | "key_already_retired"; message: string };

/**
 * Retires a key at once — it leaked, or must go before its schedule: no longer published, no
 * longer accepted. This instance drops its copy of the key set, so its very next check refuses
 * the key; every other instance within KEY_RELOAD_INTERVAL_SECONDS (keys/key-set.ts: a copy is never
 * used past that); the downstream service at its next JWKS refresh (60 s), or — with the app
 * unreachable — when its copy passes DOWNSTREAM_JWKS_MAX_AGE_SECONDS and it stops trusting it.
 * Retiring the key that signs leaves none, so another signs at once: the published `next` key
 * if there is one, else a new key without the publish lead — verifiers meet its kid before their
 * copy lists it and re-read (an app instance at once, at most every 5 s; the downstream likewise).
 */
export async function retireSigningKeyNow(kid: string, now: Date): Promise<RetireResult> {
  const encryptionSecret = getConfig().JWT_KEY_ENCRYPTION_SECRET;
  const { keys, statuses } = await loadSigningKeys({ now, tailSeconds: verifyTailSeconds(), encryptionSecret });
  const status = statuses.get(kid);
  if (!status) return { ok: false, code: "key_not_found", message: "No signing key has this kid." };
  if (status.state === "retired" || !(await retireSigningKey(kid, now))) return { ok: false, code: "key_already_retired", message: "This key is retired already." };
  let replacementKid: string | null = null;
  if (status.state === "active") {
    const pending = keys.filter((key) => statuses.get(key.kid)?.state === "next").sort((a, b) => b.generation - a.generation)[0];
    if (pending) {
      await activateSigningKeyNow(pending.kid, now);
      replacementKid = pending.kid;
    } else {
      // A racing rotation may take the generation: then its key signs, and this one is not needed.
      const created = await createSigningKey({ now, activatesAt: now, encryptionSecret });
      replacementKid = created.ok ? created.key.kid : null;
    }
  }
  forgetLoadedKeys();
  const listed = await listSigningKeys(now);
  const retired = listed.find((key) => key.kid === kid)!;
  return { ok: true, retired, replacement: listed.find((key) => key.kid === replacementKid) ?? null, keys: listed };
}

import "server-only";

import { getConfig } from "../../env.ts";
import { JWKS_MAX_AGE_SECONDS, PUBLISH_LEAD_SECONDS, type KeyState } from "./key-rotation.ts";
import { forgetLoadedKeys, keyStatuses, verifyTailSeconds } from "./key-set.ts";
import { loadSigningKeys, rotateSigningKey } from "./key-store.ts";

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
export function rotationPolicy() {
  return {
    jwksMaxAgeSeconds: JWKS_MAX_AGE_SECONDS,
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

import "server-only";

import { createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Refresh tokens are opaque random strings, not JWTs: nothing to decode, nothing to
 * confuse with an access token (which must carry typ "at+jwt"), and revocable by design.
 */

const PREFIX = "rt_";

export function newRefreshSecret(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

export function looksLikeRefreshSecret(value: string): boolean {
  return /^rt_[A-Za-z0-9_-]{43}$/.test(value);
}

/** Stored as SHA-256: a copy of the table cannot be replayed. */
export function refreshRowId(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

/**
 * A token's successor is derived from it (HMAC under a key of its own), not drawn at random:
 * concurrent requests that race with a rotation can then be handed the *same* successor
 * without the server ever storing a usable secret. Whoever holds the parent within the
 * grace window gets the child — the window is what bounds that.
 */
export function childRefreshSecret(parent: string, derivationKey: Uint8Array): string {
  return PREFIX + createHmac("sha256", derivationKey).update(parent).digest("base64url");
}

/** A key for deriving successors, separated from the signing key by HKDF (RFC 5869). */
export function refreshDerivationKey(jwtSecret: Uint8Array): Uint8Array {
  return new Uint8Array(hkdfSync("sha256", jwtSecret, new Uint8Array(0), "svj refresh-token successor v1", 32));
}

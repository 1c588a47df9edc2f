import "server-only";

import { webcrypto } from "node:crypto";
import { processLocal } from "../../state/process-local.ts";

/**
 * The HS256 key, imported once per process. Passing raw bytes to jose makes it re-import
 * the key on every call, which doubles the cost of a verify (shared/NOTES-PRISMA.md).
 */

export function secretBytes(secret: string): Uint8Array {
  return /^[A-Za-z0-9_-]+$/.test(secret) ? Buffer.from(secret, "base64url") : Buffer.from(secret, "utf8");
}

export function importHmacKey(secret: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey("raw", secretBytes(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]) as Promise<CryptoKey>;
}

// Per process, so every bundle in it (proxy, pages, route handlers) shares one import.
const imported = processLocal("jwt:hmac-keys", () => new Map<string, Promise<CryptoKey>>());

/** Memoised by secret so tests and key rotation can use more than one. */
export function accessTokenKey(secret: string): Promise<CryptoKey> {
  let key = imported.get(secret);
  if (!key) {
    key = importHmacKey(secret);
    imported.set(secret, key);
  }
  return key;
}

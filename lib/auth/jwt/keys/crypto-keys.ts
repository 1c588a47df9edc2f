import "server-only";

import { generateKeyPairSync, webcrypto } from "node:crypto";
import { calculateJwkThumbprint, type JWK } from "jose";
import { processLocal } from "../../../state/process-local.ts";

/**
 * Keys, imported once per process. Passing raw bytes to jose makes it re-import the key on
 * every call, which doubles the cost of a verify (shared/NOTES-PRISMA.md); importing a JWK
 * per request would be worse. No database here: proxy.ts reaches this file.
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
const imported = processLocal("jwt:imported-keys", () => new Map<string, Promise<CryptoKey>>());

function memoised(cacheKey: string, load: () => Promise<CryptoKey>): Promise<CryptoKey> {
  let key = imported.get(cacheKey);
  if (!key) {
    key = load();
    // A failed import is not remembered: the next call retries instead of failing forever.
    key.catch(() => imported.delete(cacheKey));
    imported.set(cacheKey, key);
  }
  return key;
}

/** Memoised by secret so tests and key rotation can use more than one. */
export function accessTokenKey(secret: string): Promise<CryptoKey> {
  return memoised(`hmac:${secret}`, () => importHmacKey(secret));
}

/** The public half of an Ed25519 signing key, as published in the JWKS. */
export interface PublicSigningJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
}

export interface GeneratedKeyPair {
  /** RFC 7638 thumbprint of the public key: the kid is bound to the key, never reused. */
  kid: string;
  publicJwk: PublicSigningJwk;
  privatePkcs8: Buffer;
}

export async function generateEd25519KeyPair(): Promise<GeneratedKeyPair> {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" });
  const publicJwk: PublicSigningJwk = { kty: "OKP", crv: "Ed25519", x: String(jwk.x) };
  const kid = await calculateJwkThumbprint(publicJwk as JWK, "sha256");
  return { kid, publicJwk, privatePkcs8: privateKey.export({ format: "der", type: "pkcs8" }) };
}

/**
 * Cached by kid: a kid is the thumbprint of its public key, so one kid is one key for good.
 * The public JWK is part of the cache key anyway, so a row edited in place cannot ride an old import.
 */
export function ed25519VerifyKey(kid: string, jwk: PublicSigningJwk): Promise<CryptoKey> {
  return memoised(`ed25519-public:${kid}:${jwk.x}`, async () =>
    (await webcrypto.subtle.importKey("jwk", { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, { name: "Ed25519" }, false, ["verify"])) as CryptoKey,
  );
}

export function ed25519SignKey(kid: string, pkcs8: () => Buffer): Promise<CryptoKey> {
  return memoised(`ed25519-private:${kid}`, async () =>
    (await webcrypto.subtle.importKey("pkcs8", pkcs8(), { name: "Ed25519" }, false, ["sign"])) as CryptoKey,
  );
}

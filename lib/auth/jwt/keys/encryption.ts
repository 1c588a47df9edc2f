import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { secretBytes } from "./crypto-keys.ts";

/**
 * Private signing keys at rest: AES-256-GCM under a key derived (HKDF-SHA256) from
 * JWT_KEY_ENCRYPTION_SECRET, so a copy of the database alone cannot mint tokens. The kid is
 * the additional authenticated data: a ciphertext moved onto another row does not decrypt.
 * Format: "v1.<iv>.<ciphertext>.<tag>", base64url parts.
 */

const VERSION = "v1";
const HKDF_INFO = "session-vs-jwt signing-key encryption v1";

function wrappingKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secretBytes(secret), Buffer.alloc(0), HKDF_INFO, 32));
}

export function encryptPrivateKey(plaintext: Buffer, kid: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", wrappingKey(secret), iv);
  cipher.setAAD(Buffer.from(kid, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export type DecryptResult = { ok: true; plaintext: Buffer } | { ok: false; code: "signing_key_undecryptable"; message: string };

/** A wrong secret, a tampered row or a row from another kid are all one failure: the tag does not match. */
export function decryptPrivateKey(sealed: string, kid: string, secret: string): DecryptResult {
  const [version, iv, ciphertext, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !ciphertext || !tag) {
    return { ok: false, code: "signing_key_undecryptable", message: `The stored private key of ${kid} is not in the v1 format.` };
  }
  try {
    const decipher = createDecipheriv("aes-256-gcm", wrappingKey(secret), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(kid, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return { ok: true, plaintext: Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]) };
  } catch {
    // GCM's only failure here is "not authentic"; the cause is the same for the operator.
    return { ok: false, code: "signing_key_undecryptable", message: `The private key of ${kid} does not decrypt: JWT_KEY_ENCRYPTION_SECRET changed, or the row was altered.` };
  }
}

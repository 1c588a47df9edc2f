import { existsSync } from "node:fs";
import { webcrypto } from "node:crypto";
import { SignJWT } from "jose";
import type { Db } from "../lib/db.ts";
import { decryptPrivateKey } from "../lib/auth/jwt/keys/encryption.ts";

/**
 * The app's real signing keys, as someone holding its database and JWT_KEY_ENCRYPTION_SECRET
 * has them — how the review minted tokens with an over-long life, a future iat or no ver. The
 * token-age rules exist for exactly that case (RFC 8725 §3: bound what a leaked key can mint),
 * so the tests sign with the real key and check what each recipient makes of it.
 */

/** The local demo's secret when the run did not pass one (the test runner, scripts/test-runner/, always does). */
function encryptionSecret(): string {
  if (!process.env.JWT_KEY_ENCRYPTION_SECRET && existsSync(".env.local")) process.loadEnvFile(".env.local");
  const secret = process.env.JWT_KEY_ENCRYPTION_SECRET;
  if (!secret) throw new Error("JWT_KEY_ENCRYPTION_SECRET is not set: run through npm test (scripts/test-runner/)");
  return secret;
}

export interface AppKey {
  kid: string;
  key: CryptoKey;
}

/** A stored key's private half: the given kid, or the key signing right now (the newest activated, not retired). */
export async function appSigningKey(db: Db, kid?: string): Promise<AppKey> {
  const rows = await db.signingKey.findMany({ where: { state: { not: "retired" }, ...(kid ? { kid } : { activatesAt: { lte: new Date() } }) }, orderBy: { generation: "desc" } });
  const row = rows[0];
  if (!row) throw new Error(`no live signing key${kid ? ` ${kid}` : ""} in the e2e database`);
  const decrypted = decryptPrivateKey(row.encryptedPrivateKey, row.kid, encryptionSecret());
  if (!decrypted.ok) throw new Error(`${decrypted.code}: ${decrypted.message}`);
  const key = (await webcrypto.subtle.importKey("pkcs8", decrypted.plaintext, { name: "Ed25519" }, false, ["sign"])) as CryptoKey;
  return { kid: row.kid, key };
}

/** Signs exactly these claims (undefined leaves one out) with the app's header: EdDSA, at+jwt, the key's kid. */
export function signWith(appKey: AppKey, claims: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const present = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
  return new SignJWT(present).setProtectedHeader({ alg: "EdDSA", typ: "at+jwt", kid: appKey.kid, ...header }).sign(appKey.key);
}

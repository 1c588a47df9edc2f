import "server-only";

import { randomBytes, webcrypto } from "node:crypto";
import { getConfig } from "../../env.ts";
import { accessTokenSignSettings } from "../../auth/jwt/verify/access-keys.ts";
import { importHmacKey } from "../../auth/jwt/keys/crypto-keys.ts";
import { signAccessToken } from "../../auth/jwt/token/token.ts";
import { newSessionSecret } from "../../auth/session/ids.ts";
import { sealSessionId } from "../../auth/session/seal.ts";
import type { Role } from "../../users.ts";

/**
 * What an attacker (or a careless client) might send instead of the real thing. The pure
 * edits work on a real credential; the signed ones use real keys where the case needs one.
 */

const json64 = {
  decode: (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>,
  encode: (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url"),
};

/** Header and/or payload edited and re-encoded; the original signature kept unless replaced. */
export function editJwt(token: string, edit: { header?: Record<string, unknown>; payload?: Record<string, unknown>; signature?: string }): string {
  const [header = "", payload = "", signature = ""] = token.split(".");
  return [
    json64.encode({ ...json64.decode(header), ...edit.header }),
    json64.encode({ ...json64.decode(payload), ...edit.payload }),
    edit.signature ?? signature,
  ].join(".");
}

/** The classic: claim to be admin and declare that no signature is needed. */
export function unsignedAdminJwt(token: string): string {
  return editJwt(token, { header: { alg: "none" }, payload: { role: "admin" }, signature: "" });
}

/**
 * One character of an iron seal's ciphertext changed (Fe26.2*id*salt*iv*CIPHERTEXT*…),
 * to another base64url character, so the shape survives and only the MAC can tell.
 */
export function flipSealCharacter(seal: string): string {
  const parts = seal.split("*");
  const ciphertext = parts[4];
  if (!ciphertext) throw new Error("not an iron seal");
  const at = Math.floor(ciphertext.length / 2);
  parts[4] = ciphertext.slice(0, at) + (ciphertext[at] === "A" ? "B" : "A") + ciphertext.slice(at + 1);
  return parts.join("*");
}

interface Subject {
  userId: string;
  role: Role;
}

/** Signed with the real key, issuer and audience, but its exp passed a minute beyond the leeway. */
export async function expiredJwt(subject: Subject, now = new Date()): Promise<string> {
  const ttlSeconds = 60;
  const issuedAt = new Date(now.getTime() - (ttlSeconds + getConfig().JWT_CLOCK_SKEW_SECONDS + 60) * 1000);
  const settings = { ...(await accessTokenSignSettings(issuedAt)), ttlSeconds };
  return (await signAccessToken({ ...subject, tokenVersion: 0 }, settings)).token;
}

/** Everything right except the key: a freshly made random one of the same kind, under our kid. */
export async function jwtSignedWithAnotherKey(subject: Subject, now = new Date()): Promise<string> {
  const real = await accessTokenSignSettings(now);
  const key =
    real.signingKey.alg === "HS256"
      ? await importHmacKey(randomBytes(32).toString("base64url"))
      : ((await webcrypto.subtle.generateKey({ name: "Ed25519" }, false, ["sign", "verify"])) as CryptoKeyPair).privateKey;
  const settings = { ...real, signingKey: { ...real.signingKey, key }, ttlSeconds: 300 };
  return (await signAccessToken({ ...subject, tokenVersion: 0 }, settings)).token;
}

/** A well-formed seal made with a password that is not SESSION_SECRET. */
export function sealWithAnotherPassword(): Promise<string> {
  return sealSessionId(newSessionSecret(), randomBytes(32).toString("base64url"), 600);
}

/** A genuine seal (the real SESSION_SECRET) of a session id that was never issued. */
export function sealOfUnknownSession(): Promise<string> {
  return sealSessionId(newSessionSecret(), getConfig().SESSION_SECRET, 600);
}

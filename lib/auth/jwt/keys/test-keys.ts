/**
 * Fixture for the JWT unit tests (not a test file itself): fixed secrets, a frozen clock,
 * an Ed25519 key pair, and a forger that builds tokens like ours except where a test says otherwise.
 */
import { SignJWT } from "jose";
import { accessTokenKey, ed25519SignKey, ed25519VerifyKey, generateEd25519KeyPair, type GeneratedKeyPair } from "./crypto-keys.ts";
import { ACCESS_TOKEN_TYPE, verifyAccessToken, type AccessTokenSubject, type SignSettings, type TokenKey, type VerifyTokenResult } from "../token/token.ts";

/** base64url of 32 bytes, the shape `npm start` generates. */
export const SECRET = Buffer.alloc(32, 7).toString("base64url");
export const OTHER_SECRET = Buffer.alloc(32, 8).toString("base64url");
export const ISSUER = "test-issuer";
export const AUDIENCE = "test-audience";
export const NOW = new Date("2030-01-01T00:00:00.000Z");
export const NOW_S = NOW.getTime() / 1000;
export const SKEW_S = 15;
export const MAX_LIFETIME_S = 900;
export const SUBJECT: AccessTokenSubject = { userId: "user-1", role: "user", tokenVersion: 3 };

export async function hmacKey(secret = SECRET): Promise<TokenKey> {
  return { kid: null, alg: "HS256", key: await accessTokenKey(secret) };
}

export interface EdKeyPair extends GeneratedKeyPair {
  signing: TokenKey;
  verifying: TokenKey;
}

/** A fresh Ed25519 pair: the signing half and the verification half, same kid. */
export async function edKeyPair(): Promise<EdKeyPair> {
  const pair = await generateEd25519KeyPair();
  const signing: TokenKey = { kid: pair.kid, alg: "EdDSA", key: await ed25519SignKey(pair.kid, () => pair.privatePkcs8) };
  const verifying: TokenKey = { kid: pair.kid, alg: "EdDSA", key: await ed25519VerifyKey(pair.kid, pair.publicJwk) };
  return { ...pair, signing, verifying };
}

/** Sign settings for the HS256 key (the historical default of these tests). */
export async function tokenSettings(secret = SECRET): Promise<Omit<SignSettings, "ttlSeconds" | "now">> {
  return { signingKey: await hmacKey(secret), issuer: ISSUER, audience: AUDIENCE };
}

export const rules = { issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: SKEW_S, maxLifetimeSeconds: MAX_LIFETIME_S };

export async function verifyAt(token: string, now = NOW, keys?: TokenKey[]): Promise<VerifyTokenResult> {
  return verifyAccessToken(token, { ...rules, keys: keys ?? [await hmacKey()], now });
}

interface Forgery {
  /** Merged over a valid claim set; `undefined` removes a claim. */
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
  key?: CryptoKey | Uint8Array;
}

export async function forgeToken({ claims = {}, header = {}, key }: Forgery = {}): Promise<string> {
  const payload = { sub: "user-1", role: "user", ver: 0, jti: "jti-1", iat: NOW_S, exp: NOW_S + 900, iss: ISSUER, aud: AUDIENCE, ...claims };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "HS256", typ: ACCESS_TOKEN_TYPE, ...header })
    .sign(key ?? (await accessTokenKey(SECRET)));
}

export function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

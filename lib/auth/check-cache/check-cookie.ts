import { createHash, createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import type { AuthMode, Principal } from "../types.ts";

/**
 * SESSION_CACHE=cookie: the cookie-cache anchor (Better Auth's `cookieCache`), kept to be
 * measured against push. The server signs what the check decided — the principal, bound to the
 * exact credential by its hash — into a short-lived cookie, and while it is fresh the check
 * skips the database. The price, stated in describe() and /compare: a copy of both cookies
 * keeps working for up to its max age after a logout or revocation. Pure: values in, values out.
 */

export const CHECK_COOKIE_VERSION = "c1";

interface Payload {
  m: AuthMode;
  /** SHA-256 of the credential: the cookie answers for that credential only. */
  h: string;
  /** Epoch ms after which the cookie answers nothing. */
  e: number;
  p: Omit<Principal, "expiresAt"> & { expiresAt: string };
}

/** A key of its own, derived from SESSION_SECRET: a cache cookie is never a session seal. */
export function checkCookieKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "svj:check-cookie", "SESSION_CACHE=cookie", 32));
}

const credentialHash = (credential: string) => createHash("sha256").update(credential).digest("base64url");
const mac = (key: Buffer, body: string) => createHmac("sha256", key).update(body).digest();

export function sealCheckCookie(input: { principal: Principal; credential: string; now: Date; maxAgeSeconds: number; key: Buffer }): string {
  const { principal, credential, now, maxAgeSeconds, key } = input;
  // Never beyond the credential itself.
  const until = Math.min(now.getTime() + maxAgeSeconds * 1000, principal.expiresAt.getTime());
  const payload: Payload = { m: principal.mode, h: credentialHash(credential), e: until, p: { ...principal, expiresAt: principal.expiresAt.toISOString() } };
  const body = `${CHECK_COOKIE_VERSION}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  return `${body}.${mac(key, body).toString("base64url")}`;
}

/** The principal it vouches for, or null: forged, for another credential or mode, or stale. */
export function openCheckCookie(value: string, input: { mode: AuthMode; credential: string; now: Date; key: Buffer }): Principal | null {
  const parts = value.split(".");
  if (parts.length !== 3 || parts[0] !== CHECK_COOKIE_VERSION) return null;
  const body = `${parts[0]}.${parts[1]}`;
  const presented = Buffer.from(parts[2]!, "base64url");
  const expected = mac(input.key, body);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  let payload: Payload;
  try {
    payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")) as Payload;
  } catch {
    return null; // signed by us yet unreadable: cannot happen short of a bug; treated as absent
  }
  if (payload.m !== input.mode || payload.h !== credentialHash(input.credential) || input.now.getTime() >= payload.e) return null;
  return { ...payload.p, expiresAt: new Date(payload.p.expiresAt) };
}

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The trusted-browser cookie (OWASP device cookies; the throttle's "device", not an entry of the
 * devices page): `d2.<random id>.<MAC over the id and the e-mail>` marks a browser that logged in
 * as a user, so the throttle counts its failures apart. It names nobody, and needs no table
 * (docs/SECURITY.md, 'Login throttle and device cookies'). Framework-free.
 */

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;

export function deviceCookieName(): string {
  return `${process.env.NODE_ENV === "production" ? "__Host-" : ""}svj-device`;
}

const FORMAT = "d2";
const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

function mac(secret: string, purpose: string, payload: string): Buffer {
  const key = createHmac("sha256", secret).update(purpose).digest();
  return createHmac("sha256", key).update(payload).digest();
}

function sameMac(given: string, expected: Buffer): boolean {
  const bytes = Buffer.from(given, "base64url");
  return bytes.length === expected.length && timingSafeEqual(bytes, expected);
}

const bind = (secret: string, deviceId: string, email: string) => mac(secret, "svj device cookie v2", `${deviceId}\n${email}`);

export function issueDeviceCookie(email: string, secret: string): { value: string; deviceId: string } {
  const deviceId = randomBytes(16).toString("base64url");
  return { value: `${FORMAT}.${deviceId}.${bind(secret, deviceId, email).toString("base64url")}`, deviceId };
}

/**
 * The device id when the cookie is ours and was issued for `email`; null for anything else
 * (another user's cookie, a forgery, junk). A cookie of the old format (e-mail readable) still
 * counts for its owner, so nobody loses their device's budget at the upgrade; the login it
 * carries replaces it with a new one (lib/auth/sign-in.ts re-issues on every success).
 */
export function trustedDeviceId(value: string | undefined, secret: string, email: string): string | null {
  if (!value || value.length > 512) return null;
  const parts = value.split(".");
  if (parts.length === 2) return legacyDeviceId(parts[0]!, parts[1]!, secret, email);
  const [format, deviceId, signature] = parts;
  if (parts.length !== 3 || format !== FORMAT || !ID_PATTERN.test(deviceId!)) return null;
  return sameMac(signature!, bind(secret, deviceId!, email)) ? deviceId! : null;
}

/** The format before issue 18.7: base64url JSON `{e, d}` and its MAC. Read, never written. */
function legacyDeviceId(payload: string, signature: string, secret: string, email: string): string | null {
  if (!sameMac(signature, mac(secret, "svj device cookie v1", payload))) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { e?: unknown; d?: unknown };
    return data.e === email && typeof data.d === "string" ? data.d : null;
  } catch {
    return null; // signed by us yet unreadable cannot happen; treated as no cookie
  }
}

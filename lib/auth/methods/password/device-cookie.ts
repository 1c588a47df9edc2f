import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * OWASP "Slow Down Online Guessing Attacks with Device Cookies": a browser that has logged in
 * successfully as a user gets a signed cookie naming that user and a random device id. Login
 * attempts that carry a valid one for the e-mail they try are counted against that device
 * alone (throttle.ts), so failures an attacker makes from elsewhere never slow the owner.
 * Signed with a key derived from SESSION_SECRET for this purpose only (not the seal key
 * itself); httpOnly and long-lived. One per browser, naming the user who last logged in there.
 * Framework-free: values in, values out.
 */

export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 3600;

export function deviceCookieName(): string {
  return `${process.env.NODE_ENV === "production" ? "__Host-" : ""}svj-device`;
}

export interface DeviceClaim {
  email: string;
  deviceId: string;
}

function mac(secret: string, payload: string): Buffer {
  const key = createHmac("sha256", secret).update("svj device cookie v1").digest();
  return createHmac("sha256", key).update(payload).digest();
}

export function issueDeviceCookie(email: string, secret: string): { value: string; deviceId: string } {
  const deviceId = randomBytes(16).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ e: email, d: deviceId })).toString("base64url");
  return { value: `${payload}.${mac(secret, payload).toString("base64url")}`, deviceId };
}

/** The claim if the cookie is ours and untampered; null for anything else. */
export function readDeviceCookie(value: string | undefined, secret: string): DeviceClaim | null {
  if (!value || value.length > 512) return null;
  const [payload, signature, extra] = value.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { e?: unknown; d?: unknown };
    if (typeof data.e !== "string" || typeof data.d !== "string") return null;
    return { email: data.e, deviceId: data.d };
  } catch {
    return null; // signed by us yet unreadable cannot happen; treated as no cookie
  }
}

/**
 * RFC 6265 §6.1 asks browsers to keep at least 4096 bytes per cookie; Chromium and Firefox
 * count the name and value against it and drop a larger cookie silently — the login "works"
 * and the next request arrives without it. Attributes are limited separately.
 */
export const BROWSER_COOKIE_LIMIT = 4096;

/** Bytes left before a cookie of `nameValueBytes` ("name=value") would be dropped. */
export function cookieHeadroom(nameValueBytes: number): number {
  return BROWSER_COOKIE_LIMIT - nameValueBytes;
}

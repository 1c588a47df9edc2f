import "server-only";

import { cookies, headers } from "next/headers";
import { PATHNAME_HEADER } from "./request-headers.ts";
import { isDemonstrationUser } from "../core-hooks.ts";
import { getConfig } from "../env.ts";
import { addressedOrigin, clientAddress } from "../http/proxy-trust.ts";
import { recordSetCookie } from "../metrics/auth-metrics.ts";
import { noteSetCookieBytes } from "../metrics/request-timing.ts";
import { authCookieName, cookieAttributes, MAX_CREDENTIAL_LENGTH, setCookieLength } from "./cookies.ts";
import { cookieFromHeader, noteCookiesWritten, routeRequestHeaders } from "./route-request.ts";
import type { AuthMode, CookieToSet, RequestMeta } from "./types.ts";

/**
 * The bridge between Next's request APIs and the framework-free strategies: the only
 * module (with the proxy) that reads or writes auth cookies.
 */

export type CredentialSource = "cookie" | "bearer";

export interface PresentedCredential {
  value: string;
  source: CredentialSource;
}

/**
 * Modes that accept `Authorization: Bearer` (RFC 6750) for API clients let a Bearer header
 * win over the cookie: a client that sends one means it.
 */
export async function readCredential(mode: AuthMode, acceptsBearer: boolean): Promise<PresentedCredential | null> {
  // In a route handler, from the request itself (lib/auth/route-request.ts says when and why).
  const direct = routeRequestHeaders();
  if (acceptsBearer) {
    const bearer = parseBearer((direct ?? (await headers())).get("authorization"));
    if (bearer !== null) return { value: bearer, source: "bearer" };
  }
  const name = authCookieName(mode);
  const value = direct ? cookieFromHeader(direct.get("cookie"), name) : (await cookies()).get(name)?.value;
  if (!value || value.length > MAX_CREDENTIAL_LENGTH) return null;
  return { value, source: "cookie" };
}

export async function readCookies(names: readonly string[]): Promise<Record<string, string | undefined>> {
  const store = await cookies();
  return Object.fromEntries(names.map((name) => [name, store.get(name)?.value]));
}

/**
 * null when there is no Bearer header (another scheme, e.g. Basic, is not ours to judge);
 * "" for a Bearer header with junk after it, so it fails verification instead of quietly
 * falling back to the cookie.
 */
export function parseBearer(header: string | null): string | null {
  if (header === null || !/^Bearer(\s|$)/i.test(header)) return null;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(header);
  return match?.[1] ?? "";
}

export async function requestMeta(now = new Date()): Promise<RequestMeta> {
  const h = routeRequestHeaders() ?? (await headers());
  // Shown on the devices list only; X-Forwarded-For counts only as far as TRUST_PROXY says.
  return { now, userAgent: h.get("user-agent"), ip: clientAddress(h, getConfig().TRUST_PROXY) };
}


export async function currentPathname(): Promise<string | null> {
  return (await headers()).get(PATHNAME_HEADER);
}

export async function servedOverHttps(): Promise<boolean> {
  return addressedOrigin(await headers(), getConfig().TRUST_PROXY).proto === "https";
}

/**
 * Works in Server Actions and Route Handlers, the two places Next lets us set cookies.
 * With a mode, the header bytes written are measured for that mode (logins and refreshes),
 * and for whom: a lab's throwaway user is lab traffic (asked of lib/core-hooks.ts).
 */
export async function writeCookies(list: CookieToSet[], measuredFor?: { mode: AuthMode; userId: string }): Promise<void> {
  const store = await cookies();
  const https = await servedOverHttps();
  // From here on this request's cookies differ from what it was sent: reads go through Next.
  noteCookiesWritten();
  let bytes = 0;
  for (const cookie of list) {
    const attributes = cookieAttributes(cookie, https);
    store.set(cookie.name, cookie.value, attributes);
    bytes += setCookieLength(cookie, attributes);
  }
  if (measuredFor) {
    recordSetCookie(measuredFor.mode, bytes, isDemonstrationUser(measuredFor.userId));
    noteSetCookieBytes(bytes);
  }
}

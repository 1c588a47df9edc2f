import "server-only";

import { AsyncLocalStorage } from "node:async_hooks";
import type { AuthMode } from "../auth/types.ts";

/**
 * Carries one request's auth measurement from the DAL to the response headers of the
 * route handler that asked, as `Server-Timing` (W3C Server Timing). Pages cannot set
 * headers once rendering starts, so for them the figures go to /api/metrics only.
 */

export interface AuthTiming {
  mode: AuthMode;
  micros: number;
  queries: number;
  cookieBytes: number;
  setCookieBytes: number;
  /** Answered from a cache without the database ("warm"); else "cold". */
  servedFromCache: boolean;
}

/** What one request's scope collected by the time its work finished. */
export interface TimingScope {
  timing: AuthTiming | null;
  setCookieBytes: number;
}

const scope = new AsyncLocalStorage<TimingScope>();

export function runWithTimingScope<T>(work: () => Promise<T>): Promise<{ result: Awaited<T>; store: TimingScope }> {
  const store: TimingScope = { timing: null, setCookieBytes: 0 };
  return scope.run(store, async () => ({ result: await work(), store }));
}

export function noteAuthTiming(timing: Omit<AuthTiming, "setCookieBytes">): void {
  const store = scope.getStore();
  if (store && !store.timing) store.timing = { ...timing, setCookieBytes: 0 };
}

export function noteSetCookieBytes(bytes: number): void {
  const store = scope.getStore();
  if (store) store.setCookieBytes += bytes;
}

export function serverTimingHeader(timing: AuthTiming | null, setCookieBytes: number): string | null {
  const parts: string[] = [];
  if (timing) {
    parts.push(`auth;dur=${(timing.micros / 1000).toFixed(3)};desc="${timing.mode} check (${timing.servedFromCache ? "warm" : "cold"})"`);
    parts.push(`auth-db;desc="queries=${timing.queries}"`);
    parts.push(`auth-cookie;desc="bytes=${timing.cookieBytes}"`);
  }
  if (setCookieBytes > 0) parts.push(`auth-set-cookie;desc="bytes=${setCookieBytes}"`);
  return parts.length > 0 ? parts.join(", ") : null;
}

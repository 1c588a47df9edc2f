/** Types for http.mjs. */
export interface Cookie {
  name: string;
  value: string;
  path: string;
}
export function parseSetCookies(lines: string[]): Cookie[];
export function cookieHeaderFor(cookies: Cookie[], path: string): string;
export function send(
  origin: string,
  path: string,
  options?: { method?: string; headers?: Record<string, string>; json?: unknown; timeoutMs?: number },
): Promise<{ status: number; body: unknown; cookies: Cookie[] }>;

import type { AuthMode } from "./types.ts";

/**
 * `?next=` after login: only a same-origin relative path, or nothing. "//evil.example",
 * "/\\evil.example", "https://…" and "javascript:" are all dropped (open-redirect defence).
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || next.length > 2048 || !next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return null;
  // Control characters can turn "/\t/evil" into "//evil" in some parsers.
  if (/[\u0000-\u001f\u007f]/.test(next)) return null;
  const base = "http://same-origin.invalid";
  let url: URL;
  try {
    url = new URL(next, base);
  } catch {
    return null;
  }
  if (url.origin !== base) return null;
  // Dot segments can collapse into a protocol-relative path: "/.//evil.example" → "//evil.example".
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? null : path;
}

export function loginPath(mode: AuthMode, next: string | null): string {
  const safe = safeNextPath(next);
  const login = `/${mode}/login`;
  const pointsAtLogin = safe !== null && safe.split(/[?#]/)[0] === login;
  return safe && !pointsAtLogin ? `${login}?next=${encodeURIComponent(safe)}` : login;
}

export function dashboardPath(mode: AuthMode): string {
  return `/${mode}/dashboard`;
}

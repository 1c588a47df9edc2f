import type { AuthMode } from "./modes.ts";

/**
 * Which mode's authoritative check (the DAL's `verifyAuth`) a page makes itself: a mode's
 * protected pages each call `requireUser(mode)`. The header may reuse that answer — React's
 * `cache` makes it the same call, so it costs no query — but must not start one of its own:
 * every authenticated request keeps to at most one database round trip. Everywhere else the
 * header reads the credentials optimistically (crypto and clock only, no database).
 */
export function modeCheckedByPage(pathname: string | null, protectedPages: Record<AuthMode, readonly string[]>): AuthMode | null {
  if (!pathname) return null;
  const entry = Object.entries(protectedPages).find(([, pages]) => pages.includes(pathname));
  return entry ? (entry[0] as AuthMode) : null;
}

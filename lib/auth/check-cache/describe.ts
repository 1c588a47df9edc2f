import "server-only";

import { getConfig } from "../../env.ts";

/**
 * What SESSION_CACHE does to a mode's revocation, in words for describe() (the dashboards,
 * /flows and /compare read it): push keeps revocation immediate, cookie trades a stated window.
 */
export function describeCheckCache(): { revocationNote: string; gap: string | null } {
  const { SESSION_CACHE, SESSION_CACHE_COOKIE_SECONDS: seconds } = getConfig();
  if (SESSION_CACHE === "push") {
    return {
      revocationNote: " Warm checks come from a per-process cache (SESSION_CACHE=push) that every revocation empties at once, on every instance, and that is bypassed while the invalidation channel is down.",
      gap: null,
    };
  }
  if (SESSION_CACHE === "cookie") {
    return {
      revocationNote: ` SESSION_CACHE=cookie: a signed cache cookie answers without the database for up to ${seconds} s, so that is the revocation lag for a copied cookie pair.`,
      gap: `a copied login's cookies, for up to ${seconds} s after it ends (SESSION_CACHE=cookie's cache cookie)`,
    };
  }
  return { revocationNote: "", gap: null };
}

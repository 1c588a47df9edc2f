import { loginPath } from "../next-path.ts";

/**
 * Session mode's database-free half, safe for proxy.ts: a page without a usable session
 * can only go back to the login page (there is nothing to renew it with).
 */
export function recoveryPath(next: string | null): string {
  return loginPath("session", next);
}

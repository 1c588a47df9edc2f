import type { AuthMode } from "@/lib/auth/types";

/**
 * A plain form post to the mode's logout endpoint (works without JavaScript). Not a Server
 * Action on the page: JWT mode's refresh cookie is scoped to /api/jwt, and logout must see it
 * to end the refresh family even after the access token has expired.
 */
export function LogoutButton({ mode }: { mode: AuthMode }): React.ReactNode {
  return (
    <form method="post" action={`/api/${mode}/logout`}>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">
        Log out
      </button>
    </form>
  );
}

import { logoutAction } from "@/app/actions/auth";
import type { AuthMode } from "@/lib/auth/types";
import { SubmitButton } from "./SubmitButton";

export function LogoutButton({ mode }: { mode: AuthMode }) {
  return (
    <form action={logoutAction}>
      <input type="hidden" name="mode" value={mode} />
      <SubmitButton
        label="Log out"
        pendingLabel="Logging out…"
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
      />
    </form>
  );
}

"use client";

import { useFormStatus } from "react-dom";
import { logoutAction } from "@/app/actions/auth";
import type { AuthMode } from "@/lib/auth/types";

function SubmitButton() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60"
    >
      {pending ? "Logging out…" : "Log out"}
    </button>
  );
}

export function LogoutButton({ mode }: { mode: AuthMode }) {
  return (
    <form action={logoutAction}>
      <input type="hidden" name="mode" value={mode} />
      <SubmitButton />
    </form>
  );
}

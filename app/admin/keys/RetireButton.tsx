"use client";

import { useActionState } from "react";
import { retireKeyAction, type RotateState } from "./actions";

const initialState: RotateState = {};

/**
 * For a key that leaked: it stops verifying now, not at the end of its tail. Rendered for a
 * retired key too (without the button), so the answer stays on screen once the row re-renders.
 */
export function RetireButton({ kid, retired }: { kid: string; retired: boolean }): React.ReactNode {
  const [state, formAction, pending] = useActionState(retireKeyAction, initialState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="kid" value={kid} />
      {retired ? null : (
        <button
          type="submit"
          disabled={pending}
          aria-label={`Retire key ${kid} now`}
          className="rounded-md border border-red-300 px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
        >
          {pending ? "Retiring…" : "Retire now"}
        </button>
      )}
      <span aria-live="polite" className={`text-xs ${state.error ? "text-red-700" : "text-slate-700"}`}>
        {state.error ?? state.done}
      </span>
    </form>
  );
}

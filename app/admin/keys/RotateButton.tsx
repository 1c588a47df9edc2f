"use client";

import { useActionState } from "react";
import { rotateKeysAction, type RotateState } from "./actions";

const initialState: RotateState = {};

export function RotateButton() {
  const [state, formAction, pending] = useActionState(rotateKeysAction, initialState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60">
        {pending ? "Rotating…" : "Rotate signing key"}
      </button>
      <p aria-live="polite" className={`text-sm ${state.error ? "text-red-700" : "text-slate-700"}`}>
        {state.error ?? state.done}
      </p>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { rotateKeysAction, type RotateState } from "./actions";

const initialState: RotateState = {};
const primary = "rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700 disabled:opacity-60";
const secondary = "rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60";

/** A second rotation while a key still waits is asked about first, in plain forms (no script needed). */
export function RotateButton(): React.ReactNode {
  const [state, formAction, pending] = useActionState(rotateKeysAction, initialState);
  if (state.confirm) {
    return (
      <div role="group" aria-label="Rotate again?" className="max-w-3xl space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm">
        <p className="font-semibold">Rotate again?</p>
        <p className="text-slate-800">{state.confirm}</p>
        <div className="flex flex-wrap gap-3">
          <form action={formAction}>
            <input type="hidden" name="confirmed" value="yes" />
            <button type="submit" disabled={pending} className={primary}>
              {pending ? "Rotating…" : "Yes, rotate again"}
            </button>
          </form>
          <form action={formAction}>
            <input type="hidden" name="cancel" value="yes" />
            <button type="submit" disabled={pending} className={secondary}>
              Cancel
            </button>
          </form>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className={primary}>
        {pending ? "Rotating…" : "Rotate signing key"}
      </button>
      <p aria-live="polite" className={`text-sm ${state.error ? "text-red-700" : "text-slate-700"}`}>
        {state.error ?? state.done}
      </p>
    </form>
  );
}

"use client";

import { useActionState } from "react";
import { confirmSignUpAction, type ConfirmState } from "./actions";

const initialState: ConfirmState = {};

export function ConfirmForm({ token }: { token: string }): React.ReactNode {
  const [state, formAction, pending] = useActionState(confirmSignUpAction, initialState);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="token" value={token} />
      <p aria-live="polite" className="min-h-5 text-sm text-red-700">
        {state.error}
      </p>
      <button type="submit" disabled={pending} className="rounded-md bg-sky-700 px-4 py-2 font-medium text-white disabled:opacity-60">
        {pending ? "Creating account…" : "Finish sign-up"}
      </button>
    </form>
  );
}

"use client";

import { changePasswordAction, type PasswordFormState } from "@/app/actions/account";
import type { AuthMode } from "@/lib/auth/types";
import { RetryAfter } from "./RetryAfter";
import { useRenewingAction } from "./use-renewing-action";

const initialState: PasswordFormState = {};
const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm";

export function PasswordForm({ mode }: { mode: AuthMode }): React.ReactNode {
  const { state, formAction, pending, rememberSubmit } = useRenewingAction(changePasswordAction, initialState);
  return (
    <form action={formAction} onSubmit={rememberSubmit} className="grid gap-3 sm:grid-cols-3 sm:items-end">
      <input type="hidden" name="mode" value={mode} />
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Current password</span>
        <input name="currentPassword" type="password" autoComplete="current-password" required maxLength={1024} className={input} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">New password</span>
        <input name="newPassword" type="password" autoComplete="new-password" required minLength={12} maxLength={1024} className={input} />
      </label>
      <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
        {pending ? "Changing…" : "Change password"}
      </button>
      <p aria-live="polite" className={`text-sm sm:col-span-3 ${state.error ? "text-red-700" : "text-slate-700"}`}>
        {state.renew ? "Your login had expired: renewing it, then changing the password…" : (state.error ?? state.done)}
        {state.retryAt && !state.renew ? (
          <>
            {" "}
            <RetryAfter until={state.retryAt} />
          </>
        ) : null}
      </p>
    </form>
  );
}

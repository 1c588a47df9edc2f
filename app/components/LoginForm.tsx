"use client";

import { useActionState } from "react";
import { loginAction, type LoginFormState } from "@/app/actions/auth";
import type { AuthMode } from "@/lib/auth/types";
import { modeStyle } from "./mode-style";
import { RetryAfter } from "./RetryAfter";

const initialState: LoginFormState = {};

export function LoginForm({ mode, next }: { mode: AuthMode; next: string | null }): React.ReactNode {
  const [state, formAction, pending] = useActionState(loginAction, initialState);
  const errorId = `${mode}-login-error`;
  return (
    <form action={formAction} className="space-y-4" aria-describedby={state.error ? errorId : undefined}>
      <input type="hidden" name="mode" value={mode} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <label className="block">
        <span className="text-sm font-medium text-slate-700">E-mail</span>
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          maxLength={254}
          // React resets a form after an action: keep what the user typed.
          defaultValue={state.email ?? ""}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-sky-500"
        />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">Password</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          maxLength={1024}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-sky-500"
        />
      </label>
      <p id={errorId} aria-live="polite" className="min-h-5 text-sm text-red-700">
        {state.error}
        {state.retryAt ? (
          <>
            {" "}
            <RetryAfter until={state.retryAt} />
          </>
        ) : null}
        {state.localhostUrl ? (
          <>
            {" "}
            <a className="underline" href={state.localhostUrl}>
              Open {state.localhostUrl}
            </a>
          </>
        ) : null}
      </p>
      <button
        type="submit"
        disabled={pending}
        className={`w-full rounded-md px-4 py-2 font-medium text-white disabled:opacity-60 ${modeStyle[mode].button}`}
      >
        {pending ? "Logging in…" : "Log in"}
      </button>
    </form>
  );
}

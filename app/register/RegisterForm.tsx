"use client";

import { useActionState, useState } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { modeStyle } from "@/app/components/mode-style";
import { registerAction, type RegisterFormState } from "./actions";
import { StrengthMeter } from "./StrengthMeter";

const initialState: RegisterFormState = {};
const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-sky-500";

export function RegisterForm({ mode }: { mode: AuthMode }): React.ReactNode {
  const [state, formAction, pending] = useActionState(registerAction, initialState);
  // Read by the live strength meter: your own name and address count against the password.
  const [typed, setTyped] = useState({ name: "", email: "", password: "" });
  const track = (field: keyof typeof typed) => (event: React.ChangeEvent<HTMLInputElement>) => setTyped((now) => ({ ...now, [field]: event.target.value }));
  return (
    <form action={formAction} aria-label="Sign up with a password" className="space-y-4" aria-describedby={state.error ? "register-error" : undefined}>
      <input type="hidden" name="mode" value={mode} />
      <label className="block">
        <span className="text-sm font-medium text-slate-700">Name</span>
        <input name="name" autoComplete="name" required maxLength={100} defaultValue={state.name ?? ""} onChange={track("name")} className={input} />
      </label>
      <label className="block">
        <span className="text-sm font-medium text-slate-700">E-mail</span>
        <input name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={state.email ?? ""} onChange={track("email")} className={input} />
      </label>
      <div>
        <label className="block">
          <span className="text-sm font-medium text-slate-700">Password</span>
          <input name="password" type="password" autoComplete="new-password" required minLength={12} maxLength={1024} aria-describedby="password-rules" onChange={track("password")} className={input} />
        </label>
        {/* Outside the label: a description, not part of the field's name. */}
        <p id="password-rules" className="mt-1 text-xs text-slate-500">
          At least 12 characters. Common passwords, keyboard patterns and your own name are refused; a few unrelated words work well.
        </p>
        <StrengthMeter password={typed.password} email={typed.email || (state.email ?? "")} name={typed.name || (state.name ?? "")} />
      </div>
      <div id="register-error" aria-live="polite" className="min-h-5 text-sm text-red-700">
        {state.error}
        {state.suggestions && state.suggestions.length > 0 ? (
          <ul className="mt-1 list-disc pl-5 text-slate-700">
            {state.suggestions.map((suggestion) => (
              <li key={suggestion}>{suggestion}</li>
            ))}
          </ul>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className={`w-full rounded-md px-4 py-2 font-medium text-white disabled:opacity-60 ${modeStyle[mode].button}`}>
        {pending ? "Creating account…" : "Create account"}
      </button>
    </form>
  );
}

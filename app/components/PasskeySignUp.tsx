"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { passkeySignUp } from "./passkey-client";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm";

/** Sign-up with a passkey only: the account gets no password at all, once the mailed link is used. */
export function PasskeySignUp({ mode }: { mode: AuthMode }): React.ReactNode {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setMessage(null);
    const result = await passkeySignUp(mode, String(form.get("email") ?? ""), String(form.get("name") ?? ""));
    setPending(false);
    if (!result.ok) return setMessage(result.message);
    // The password sign-up's page: a free address and a taken one are answered alike (issue 18.2).
    router.push(`/register/sent?mode=${mode}`);
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Sign up with a passkey">
      <label className="block text-sm">
        <span className="font-medium text-slate-700">Name</span>
        <input name="name" required maxLength={100} autoComplete="name" className={input} />
      </label>
      <label className="block text-sm">
        <span className="font-medium text-slate-700">E-mail</span>
        <input name="email" type="email" required maxLength={254} autoComplete="username webauthn" className={input} />
      </label>
      <button type="submit" disabled={pending} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
        {pending ? "Waiting for your passkey…" : "Sign up with a passkey"}
      </button>
      <p role="status" className="text-sm text-red-700">
        {message}
      </p>
    </form>
  );
}

"use client";

import { useState } from "react";
import type { AuthMode } from "@/lib/auth/types";
import { dashboardPath } from "@/lib/auth/next-path";
import { passkeySignIn } from "./passkey-client";

/** The login pages' passkey button: the same ceremony for both modes, `mode` picks the credential. */
export function PasskeySignIn({ mode, next }: { mode: AuthMode; next: string | null }): React.ReactNode {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function signIn() {
    setPending(true);
    setMessage(null);
    const result = await passkeySignIn(mode);
    setPending(false);
    if (result.ok) window.location.assign(next ?? dashboardPath(mode));
    else setMessage(result.message);
  }
  return (
    <div className="space-y-2">
      <button type="button" onClick={signIn} disabled={pending} className="w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
        {pending ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </button>
      <p role="status" className="text-sm text-red-700">
        {message}
      </p>
    </div>
  );
}

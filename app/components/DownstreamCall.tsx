"use client";

import { useActionState } from "react";
import { Command } from "./Command";
import { callDownstreamAction, type DownstreamState } from "@/app/actions/downstream";
import type { AuthMode } from "@/lib/auth/modes";

const initialState: DownstreamState = {};

const credential: Record<AuthMode, string> = {
  session: "your session against its row",
  jwt: "your access token — signature, then the denylist and your token version, whatever JWT_REVOCATION_CHECK says —",
};

/**
 * The token exchange, from a dashboard: the app checks this mode's credential, then mints a token
 * valid for at most 60 s whose only audience is the downstream service. The app's own credential
 * never goes there (the downstream would refuse it: wrong audience).
 */
export function DownstreamCall({ mode }: { mode: AuthMode }): React.ReactNode {
  const [state, formAction, pending] = useActionState(callDownstreamAction.bind(null, mode), initialState);
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="downstream">
      <h2 id="downstream" className="font-semibold">
        Another service
      </h2>
      <p className="mb-3 text-sm text-slate-600">
        The app checks {credential[mode]} then exchanges it for a token valid for at most 60 s whose only audience is the downstream service
        (<Command inline command="npm run downstream" />), which verifies it with the public keys from <code>/.well-known/jwks.json</code> — no database, no secret.
        Your own {mode === "jwt" ? "access token" : "cookie"} never leaves for it; a copy of the exchanged token works there until its exp, logout or not.
      </p>
      <form action={formAction}>
        <button type="submit" disabled={pending} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100 disabled:opacity-60">
          {pending ? "Calling…" : "Call the downstream service"}
        </button>
      </form>
      <div aria-live="polite" className="mt-3 text-sm">
        {state.error ? <p className="text-red-700">{state.error}</p> : null}
        {state.status !== undefined ? (
          <>
            <p>
              Downstream answered <strong>{state.status}</strong> (token: {state.tokenBytes} bytes, valid {state.expiresIn} s)
            </p>
            <pre aria-label="Downstream answer" className="mt-2 overflow-x-auto rounded bg-slate-50 p-3 text-xs">
              {state.answer}
            </pre>
          </>
        ) : null}
      </div>
    </section>
  );
}

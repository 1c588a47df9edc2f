import Link from "next/link";
import { strategies } from "@/lib/auth/registry";
import { AUTH_MODES } from "@/lib/auth/types";
import { DemoUsers } from "./components/DemoUsers";
import { ModeBadge } from "./components/ModeBadge";
import { modeStyle } from "./components/mode-style";

const facts = {
  session: [
    "Login creates a row in the Session table and a sealed cookie holding only its random id.",
    "Every request reads that row: one indexed query, joined with the user.",
    "Logout or revocation deletes the row — the very next request is logged out.",
  ],
  jwt: [
    "Login signs a short-lived token (EdDSA, 15 min) with the user's id and role; anyone can verify it with the public keys at /.well-known/jwks.json.",
    "Requests are verified by signature and clock; one read of the user's state and the token's id on the denylist (on by default) is the only database access.",
    "Logout denylists the token's id; without that check a copied token works until exp.",
  ],
} as const;

export default function Home(): React.ReactNode {
  return (
    <div className="space-y-10">
      <section className="max-w-3xl">
        <h1 className="text-4xl font-semibold tracking-tight">Server-side sessions and stateless JWTs, side by side</h1>
        <p className="mt-4 text-lg text-slate-600">
          The same users, the same pages, the same database — logged in two ways. Log in with each, look at what the server
          stores and what your browser holds, then read the code that does it.
        </p>
      </section>
      <nav aria-label="Start here" className="grid gap-4 sm:grid-cols-2">
        <Link href="/decide" className="rounded-xl border-2 border-slate-900 bg-white p-5 no-underline hover:bg-slate-50">
          <span className="block text-lg font-semibold">Which one should I use for my app? →</span>
          <span className="mt-1 block text-sm text-slate-600">Eight questions, a recommendation with its reasons, trade-offs and evidence, and this app configured to match.</span>
        </Link>
        <Link href="/compare" className="rounded-xl border border-slate-300 bg-white p-5 no-underline hover:bg-slate-50">
          <span className="block text-lg font-semibold">The verdicts, measured →</span>
          <span className="mt-1 block text-sm text-slate-600">A copied credential after logout, bytes per request, database reads, revocation across instances: figures from this server.</span>
        </Link>
      </nav>
      <div className="grid gap-6 md:grid-cols-2">
        {AUTH_MODES.map((mode) => {
          const description = strategies[mode].describe();
          return (
            <section key={mode} className={`rounded-xl border bg-white p-6 shadow-sm ${modeStyle[mode].border}`}>
              <ModeBadge mode={mode} />
              <h2 className="mt-3 text-xl font-semibold">{description.title}</h2>
              <ul className="mt-3 list-disc space-y-2 pl-5 text-sm text-slate-700">
                {facts[mode].map((fact) => (
                  <li key={fact}>{fact}</li>
                ))}
              </ul>
              <div className="mt-5 flex gap-3">
                <Link href={`/${mode}/login`} className={`rounded-md px-4 py-2 text-sm font-medium text-white no-underline ${modeStyle[mode].button}`}>
                  Log in — {modeStyle[mode].inline}
                </Link>
                <Link href={`/${mode}/dashboard`} className="rounded-md border border-slate-300 px-4 py-2 text-sm text-slate-700 no-underline hover:bg-slate-100">
                  Dashboard
                </Link>
              </div>
            </section>
          );
        })}
      </div>
      <DemoUsers layout="line" />
      <p className="text-sm text-slate-600">
        Or{" "}
        <Link href="/register" className="underline">
          create an account of your own
        </Link>
        .
      </p>
    </div>
  );
}

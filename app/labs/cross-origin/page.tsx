import type { Metadata } from "next";
import Link from "next/link";
import { SubmitButton } from "@/app/components/SubmitButton";
import { verifyAuth } from "@/lib/auth/dal";
import { labsBusyText } from "../components/labs-busy";
import { openOtherOriginAction } from "./actions";

export const metadata: Metadata = { title: "Lab: cross-origin" };

const ERRORS: Record<string, (retry: string | null) => string> = {
  login_required: () => "Log in to session mode first: the lab watches what happens to that cookie.",
  not_loopback: () => "Open this lab on http://localhost or http://127.0.0.1: its second origin is this server under its other loopback name.",
  labs_busy: labsBusyText,
};

export default async function Page({ searchParams }: PageProps<"/labs/cross-origin">): Promise<React.ReactNode> {
  const { error, retry } = await searchParams;
  const explain = typeof error === "string" && Object.hasOwn(ERRORS, error) ? ERRORS[error] : undefined;
  const session = await verifyAuth("session");
  return (
    <div className="max-w-3xl space-y-6">
      <section className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Cross-origin: a Bearer token vs a session cookie</h1>
        <p className="text-lg text-slate-700">
          A page on another site calls this app&apos;s API from the browser. Which credential gets through, and which rule decides?
        </p>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
          <li>You are logged in to session mode here, so this browser holds the session cookie.</li>
          <li>The lab makes a throwaway user&apos;s access token and opens a page on the other origin (this server under its other loopback name: a different site to the browser).</li>
          <li>That page calls <code className="font-mono">/api/jwt/me</code> with the token as Bearer, <code className="font-mono">/api/session/me</code> with credentials included, and a probe that only says which cookies arrived.</li>
        </ol>
        <p className="text-sm text-slate-600">This lab needs JavaScript: the browser&apos;s own fetch is what is being observed.</p>
      </section>
      {explain ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {explain(typeof retry === "string" ? retry : null)}
        </p>
      ) : null}
      {session.ok ? (
        <form action={openOtherOriginAction}>
          <SubmitButton label="Open the other origin" pendingLabel="Opening…" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" />
        </form>
      ) : (
        <p className="text-sm">
          <Link className="font-medium underline" href="/session/login?next=/labs/cross-origin">
            Log in to session mode
          </Link>{" "}
          to run it.
        </p>
      )}
      <section className="space-y-2 text-sm text-slate-700">
        <h2 className="text-lg font-semibold text-slate-900">What it would take to let the cookie through — and why we don&apos;t</h2>
        <p>
          The cookie would need <code className="font-mono">SameSite=None; Secure</code>, and the API would need to answer that exact origin with{" "}
          <code className="font-mono">Access-Control-Allow-Credentials: true</code>. Then any script on an allowlisted site could act as
          every logged-in user who visits it, and the cookie would ride along on cross-site form posts again: the CSRF protection SameSite gives
          for free would be gone. A token the other site holds and sends on purpose has neither problem.
        </p>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { SubmitButton } from "@/app/components/SubmitButton";
import { labsBusyText } from "../components/labs-busy";
import { openStorageLabAction } from "./actions";

export const metadata: Metadata = { title: "Lab: where the token is stored" };

export default async function Page({ searchParams }: PageProps<"/labs/storage">): Promise<React.ReactNode> {
  const { error, retry } = await searchParams;
  return (
    <div className="max-w-3xl space-y-6">
      <section className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Where the token is stored: localStorage, a readable cookie, an httpOnly cookie</h1>
        <p className="text-lg text-slate-700">A script gets injected into a page. What can it steal from each place — and what can it do without stealing anything?</p>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
          <li>The lab makes a throwaway user&apos;s access token and keeps it in <code>localStorage</code>, in a cookie script can read, and in an httpOnly cookie (both cookies only for the lab&apos;s own path).</li>
          <li>It opens a deliberately vulnerable page with its own path and its own CSP, holding no credential of yours, where a fixed &quot;injected&quot; script runs.</li>
          <li>The script sends what it could read to an attacker endpoint, which checks whether each is a working token; then it calls the site without reading anything.</li>
        </ol>
        <p className="text-sm text-slate-600">The lesson, precisely: httpOnly stops theft, not misuse. The browser still attaches the cookie to the injected script&apos;s own requests.</p>
      </section>
      {error === "login_required" ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          Log in first (either mode): <Link className="underline" href="/session/login?next=/labs/storage">session</Link> or{" "}
          <Link className="underline" href="/jwt/login?next=/labs/storage">JWT</Link>.
        </p>
      ) : null}
      {error === "labs_busy" ? (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {labsBusyText(typeof retry === "string" ? retry : null)}
        </p>
      ) : null}
      <form action={openStorageLabAction}>
        <SubmitButton label="Open the vulnerable page" pendingLabel="Opening…" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" />
      </form>
    </div>
  );
}

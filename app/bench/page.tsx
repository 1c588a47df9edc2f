import type { Metadata } from "next";
import { connection } from "next/server";
import { LogoutListener } from "@/app/components/CrossTabLogout";
import { DownstreamCall } from "@/app/components/DownstreamCall";
import { FactTable } from "@/app/components/FactTable";
import { LogoutButton } from "@/app/components/LogoutButton";
import { ModeBadge } from "@/app/components/ModeBadge";
import { ModeNav } from "@/app/components/ModeNav";
import { PasswordForm } from "@/app/components/PasswordForm";
import { modeStyle } from "@/app/components/mode-style";
import { strategies } from "@/lib/auth/registry";

/**
 * The framework's own cost for a page, for `npm run bench:http` (scripts/bench-http.mjs):
 * the dashboard's markup and components, rendered per request, with constant sample values
 * instead of a credential check and a profile read. The dashboards' req/s are divided by this
 * page's, so the ratio is what authentication costs a page. Public: nothing here is anybody's.
 */
export const metadata: Metadata = { title: "Benchmark baseline page", robots: { index: false } };

const SAMPLE_TIME = "2026-01-01T02:00:00.000Z";
const SAMPLE_FACTS = {
  "session row id (SHA-256 of the secret)": "Xq2m4xY0b3d1tG0fWc9Jb8lLJ2rj1VbQ4kR9u5s0Hn8",
  created: "2026-01-01T00:00:00.000Z",
  "last seen": "2026-01-01T00:00:00.000Z",
  "idle expiry": SAMPLE_TIME,
  "absolute expiry": "2026-01-08T00:00:00.000Z",
  "user agent": "wrk",
  ip: "127.0.0.1",
};

export default async function Page() {
  // Dynamic like the dashboards (they read cookies): without this it would be prerendered once.
  await connection();
  const mode = "session" as const;
  const description = strategies[mode].describe();
  return (
    <>
      <ModeNav mode={mode} />
      <div className="space-y-8">
        <LogoutListener mode={mode} />
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <ModeBadge mode={mode} />
            <h1 className="mt-2 text-2xl font-semibold">Signed in as Bob User (sample)</h1>
            <p className="text-sm text-slate-600">
              bob@example.com · role <strong>user</strong>
            </p>
          </div>
          <LogoutButton mode={mode} />
        </div>
        <section className={`rounded-xl border bg-white p-6 ${modeStyle[mode].border}`} aria-labelledby="expiry">
          <h2 id="expiry" className="font-semibold">
            Expiry
          </h2>
          <p className="mt-1 text-sm">
            This {description.credentialLabel} is accepted until{" "}
            <time dateTime={SAMPLE_TIME} className="font-mono">
              {SAMPLE_TIME}
            </time>
            .
          </p>
          <p className="mt-1 text-sm text-slate-600">{description.revocation}</p>
          <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
            <TitledList title="The server can end" items={description.canRevoke} />
            <TitledList title="The server cannot end" items={description.cannotRevoke} />
          </div>
        </section>
        <div className="grid gap-6 md:grid-cols-2">
          <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="server-side">
            <h2 id="server-side" className="font-semibold">
              What the server relied on
            </h2>
            <p className="mb-3 text-sm text-slate-600">{description.stateLivesIn}</p>
            <FactTable facts={SAMPLE_FACTS} />
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="browser-side">
            <h2 id="browser-side" className="font-semibold">
              What the browser holds
            </h2>
            <p className="mb-3 text-sm text-slate-600">A sealed, encrypted id (sample).</p>
            <FactTable facts={{ cookie: description.cookieName, "sent as": "cookie", bytes: 268, format: "iron-session seal" }} />
          </section>
        </div>
        <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="password">
          <h2 id="password" className="font-semibold">
            Change password
          </h2>
          <p className="mb-3 text-sm text-slate-600">Ends every other session and refresh family of yours, in both modes.</p>
          <PasswordForm mode={mode} />
        </section>
        <DownstreamCall mode={mode} />
      </div>
    </>
  );
}

function TitledList({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <h3 className="font-medium">{title}</h3>
      <ul className="mt-1 list-disc pl-5 text-slate-700">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { BROWSER_LABS } from "@/lib/labs/browser-labs";
import { labCatalog } from "@/lib/labs/catalog";
import { latestLabResult } from "@/lib/labs/store";
import { LAB_IDS } from "@/lib/labs/types";
import { AUTH_MODES } from "@/lib/auth/types";
import { modeStyle } from "@/app/components/mode-style";
import { toneStyle } from "./components/tone-style";

export const metadata: Metadata = { title: "Labs" };

export default async function LabsIndex(): Promise<React.ReactNode> {
  const latests = Object.fromEntries(await Promise.all(LAB_IDS.map(async (id) => [id, await latestLabResult(id)] as const)));
  return (
    <div className="space-y-8">
      <section className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">Labs: the comparison, measured live</h1>
        <p className="mt-3 text-slate-600">
          Each lab runs a real scenario against this server&apos;s own API — real logins, real requests, a real database write or
          outage — as a throwaway user it deletes afterwards, and shows what each mode answered.
        </p>
      </section>
      <ul className="grid gap-6 md:grid-cols-2">
        {LAB_IDS.map((id) => {
          const entry = labCatalog[id];
          const latest = latests[id];
          return (
            <li key={id} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
              <h2 className="text-lg font-semibold">
                <Link href={`/labs/${id}`}>{entry.title}</Link>
              </h2>
              <p className="mt-2 text-sm text-slate-700">{entry.question}</p>
              {latest ? (
                <dl className="mt-4 space-y-1 text-xs">
                  {AUTH_MODES.map((mode) => (
                    <div key={mode} className="flex gap-2">
                      <dt className="w-24 shrink-0 text-slate-500">{modeStyle[mode].label}</dt>
                      <dd className={toneStyle[latest.columns[mode].verdict.tone].text}>{toneStyle[latest.columns[mode].verdict.tone].label}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                <p className="mt-4 text-xs text-slate-500">Not run since the server started.</p>
              )}
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="browser-labs" className="space-y-3">
        <h2 id="browser-labs" className="text-xl font-semibold">In your browser</h2>
        <p className="max-w-3xl text-sm text-slate-600">
          Two labs where the browser itself is the subject: what it sends across origins, and what a script injected into a page can
          read. They need JavaScript, and a login (either mode).
        </p>
        <ul className="grid gap-6 md:grid-cols-2">
          {BROWSER_LABS.map((lab) => (
            <li key={lab.href} className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
              <h3 className="text-lg font-semibold">
                <Link href={lab.href}>{lab.title}</Link>
              </h3>
              <p className="mt-2 text-sm text-slate-700">{lab.summary}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

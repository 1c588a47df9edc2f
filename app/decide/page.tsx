import type { Metadata } from "next";
import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { LiveUpdates } from "@/app/scale/LiveUpdates";
import { parseAnswers } from "@/lib/decide/questions";
import { decide } from "@/lib/decide/rules";
import { Answer } from "./Answer";
import { DECIDE_FORM_ID, DecideForm } from "./DecideForm";

export const metadata: Metadata = { title: "Which one for your app?" };

export default async function DecidePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactNode> {
  const parsed = parseAnswers(await searchParams);
  return (
    <div className="space-y-8">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">Sessions or JWTs: which one for your app?</h1>
        <p className="mt-3 text-slate-600">
          Eight questions, one recommendation: why, what it costs, where the usual advice is too simple, and this app configured to match it so you can watch it behave. Every claim links to the lab or the figure measured on{" "}
          <Link href="/compare" className={inlineLink}>
            /compare
          </Link>{" "}
          that backs it; for the load itself, see{" "}
          <Link href="/scale" className={inlineLink}>
            /scale
          </Link>
          .
        </p>
      </div>
      <DecideForm answers={parsed.answers} errors={parsed.ok ? {} : parsed.errors} />
      <LiveUpdates formId={DECIDE_FORM_ID} following="The recommendation follows your answers." />
      {/* Unreadable answers are named in the form and stand at their first choice, as missing ones do: the rest still decide. */}
      {!parsed.ok || parsed.answered ? <Answer answers={parsed.answers} decision={decide(parsed.answers)} /> : null}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { isAuthMode, type AuthMode } from "@/lib/auth/types";
import { outboxEnabled } from "@/lib/mail/outbox";

export const metadata: Metadata = { title: "Check your e-mail" };

/**
 * Where every sign-up lands, new address or taken (issue 18.2): the same words either way, and
 * what happens next in both cases (issue 22 item 7), without saying which case this was.
 */
export default async function SignUpSentPage({ searchParams }: PageProps<"/register/sent">): Promise<React.ReactNode> {
  const requested = (await searchParams).mode;
  const mode: AuthMode = typeof requested === "string" && isAuthMode(requested) ? requested : "session";
  return (
    <section className="mx-auto max-w-xl space-y-4 rounded-xl border bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Check your e-mail</h1>
      <p>We sent a message to the address you gave. What it says depends on the address, and this page does not tell anyone which:</p>
      <ul className="list-disc space-y-1 pl-5">
        <li>If the address can sign up, the message has a link: it creates your account and logs you in. It works once, within an hour.</li>
        <li>
          If the address already has an account, the message says so: nothing was created or changed, and you can{" "}
          <Link href={`/${mode}/login`} className={inlineLink}>log in</Link> as usual.
        </li>
      </ul>
      {outboxEnabled() ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          This demo sends no real e-mail: its messages wait in the <Link href="/outbox" className={inlineLink}>outbox</Link>, which stands in for
          every mailbox.
        </p>
      ) : null}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { inlineLink } from "@/app/components/link-style";
import { LocalTime } from "@/app/components/LocalTime";
import { outboxEnabled, readMailbox } from "@/lib/mail/outbox";
import { normalizeEmail } from "@/lib/users";

export const metadata: Metadata = { title: "Outbox" };

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm focus:border-sky-500";

/**
 * The demo's stand-in for the recipients' mailboxes (lib/mail/outbox.ts): what this server
 * "sent" to an address. Only in the local demo (DEMO_MODE); a deployment sends real e-mail.
 */
export default async function OutboxPage({ searchParams }: PageProps<"/outbox">): Promise<React.ReactNode> {
  if (!outboxEnabled()) notFound();
  const to = (await searchParams).to;
  const address = typeof to === "string" && to.length <= 254 && to.includes("@") ? normalizeEmail(to) : null;
  const messages = address ? await readMailbox(address) : [];
  return (
    <section className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Outbox</h1>
        <p className="mt-2 text-sm text-slate-600">
          This demo sends no e-mail. The messages it would send wait here for an hour, so you can play the recipient: open the mailbox of
          the address you signed up with. A real deployment sends them by e-mail instead, where only the address&apos;s owner reads them.
        </p>
      </div>
      <form method="get" className="flex items-end gap-2">
        <label className="block flex-1">
          <span className="text-sm font-medium text-slate-700">Mailbox of</span>
          <input name="to" type="email" required maxLength={254} defaultValue={address ?? ""} className={input} />
        </label>
        <button type="submit" className="rounded-md bg-slate-800 px-4 py-2 font-medium text-white">Open</button>
      </form>
      {address ? (
        messages.length === 0 ? (
          <p className="text-sm text-slate-600">No messages for {address} in the last hour.</p>
        ) : (
          <ul className="space-y-4" aria-label={`Messages to ${address}`}>
            {messages.map((message) => (
              <li key={message.sentAt + message.subject} className="rounded-lg border bg-white p-4 shadow-sm">
                <p className="text-xs text-slate-500">
                  To {message.to} · <LocalTime at={message.sentAt} />
                </p>
                <h2 className="mt-1 font-semibold">{message.subject}</h2>
                <p className="mt-2 text-sm text-slate-700">{message.text}</p>
                {message.link ? (
                  <p className="mt-2">
                    <Link href={message.link.href} prefetch={false} className={inlineLink}>{message.link.label}</Link>
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

import "server-only";

import { getConfig } from "../env.ts";
import { isLoopbackBind } from "../exposure/bind.ts";
import { logEvent } from "../log.ts";
import { sharedState } from "../state/index.ts";

/**
 * Where the messages this server "sends" go: the local demo's outbox (/outbox), or the real sender
 * a deployment puts in `deliver` (docs/SECURITY.md, 'Sign-up without enumeration'). In the shared
 * state, one record per message under an atomic counter per recipient, so two sends at once lose
 * neither; kept for an hour, like the links in them.
 */

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The one action the message offers (a confirmation link), shown as a link by the outbox. */
  link?: { label: string; href: string };
}

export interface StoredMessage extends MailMessage {
  sentAt: string;
}

export const OUTBOX_KEEP_MS = 60 * 60 * 1000;
/** The newest messages per recipient the outbox shows. */
const SHOWN = 10;

/**
 * Only where the demo is closed to the network (DEMO_MODE and a loopback HOST): the outbox
 * shows every address's messages, so on a reachable server anyone could read them, learn which
 * addresses have accounts and finish sign-ups for addresses that are not theirs.
 */
export function outboxEnabled(): boolean {
  const config = getConfig();
  return config.DEMO_MODE && isLoopbackBind(config.HOST);
}

const countKey = (to: string) => `outbox:count:${to}`;
const messageKey = (to: string, n: number) => `outbox:message:${to}:${n}`;

export async function deliver(message: MailMessage, now: Date): Promise<void> {
  if (!outboxEnabled()) {
    logEvent("mail_not_sent", { subject: message.subject, note: "no mail sender configured (lib/mail/outbox.ts), and the outbox is only for the local demo" }, "warn");
    return;
  }
  const { counters, records } = sharedState();
  const n = await counters.increment(countKey(message.to), OUTBOX_KEEP_MS);
  await records.set(messageKey(message.to, n), { ...message, sentAt: now.toISOString() } satisfies StoredMessage, OUTBOX_KEEP_MS);
}

/** The recipient's messages, newest first. */
export async function readMailbox(to: string): Promise<StoredMessage[]> {
  const { counters, records } = sharedState();
  const newest = await counters.read(countKey(to));
  const numbers = Array.from({ length: Math.min(newest, SHOWN) }, (_, i) => newest - i);
  const found = await Promise.all(numbers.map((n) => records.get(messageKey(to, n))));
  return found.filter((message): message is StoredMessage => message !== null && typeof message === "object");
}

import "server-only";

import { getDb } from "../db.ts";
import { logEvent } from "../log.ts";
import { deliver } from "../mail/outbox.ts";
import type { RequestMeta } from "../auth/types.ts";
import { savePendingSignUp, type PendingSignUp } from "./pending.ts";

/**
 * The part every sign-up method shares once its credential is verified (a password hashed, a
 * passkey's registration checked): one read of the address, one message to it, and the same
 * answer to the visitor whichever it was (issue 18.2). A free address gets a link that creates
 * the account from the pending record (lib/register/confirm.ts); a taken one is told someone
 * tried, and nothing about it changes. Nothing is created and nobody is logged in here.
 */
export async function answerSignUp(pending: PendingSignUp, meta: RequestMeta): Promise<void> {
  const existing = await getDb().user.findUnique({ where: { email: pending.email }, select: { id: true } });
  if (existing) {
    await deliver(
      {
        to: pending.email,
        subject: "Someone tried to sign up with this address",
        text: "This address already has an account, so nothing was created and nothing changed. If it was you, log in instead. If it was not, you can ignore this message: your account is as it was.",
        link: { label: "Log in", href: `/${pending.mode}/login` },
      },
      meta.now,
    );
    logEvent("register_existing_email", { outcome: "answered as for a new address; the owner was told by message", method: pending.credential.method }, "info");
    return;
  }
  const token = await savePendingSignUp(pending);
  await deliver(
    {
      to: pending.email,
      subject: "Finish your sign-up",
      text: "Use the link within an hour to create your account and log in. If you did not sign up, ignore this message: nothing is created without it.",
      link: { label: "Finish sign-up", href: `/register/confirm?token=${token}` },
    },
    meta.now,
  );
}

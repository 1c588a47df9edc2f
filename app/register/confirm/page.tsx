import type { Metadata } from "next";
import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { peekPendingSignUp } from "@/lib/register/pending";
import { ConfirmForm } from "./ConfirmForm";

export const metadata: Metadata = { title: "Finish your sign-up" };

/** The link from the sign-up message lands here; the button (a POST) finishes it. */
export default async function ConfirmSignUpPage({ searchParams }: PageProps<"/register/confirm">): Promise<React.ReactNode> {
  const token = (await searchParams).token;
  const pending = typeof token === "string" ? await peekPendingSignUp(token) : null;
  return (
    <section className="mx-auto max-w-xl space-y-4 rounded-xl border bg-white p-8 shadow-sm">
      <h1 className="text-2xl font-semibold">Finish your sign-up</h1>
      {pending && typeof token === "string" ? (
        <>
          <p>
            Create the account for <strong>{pending.email}</strong> with the {pending.credential.method === "passkey" ? "passkey you made" : "password you chose"}, and log in.
          </p>
          <ConfirmForm token={token} />
        </>
      ) : (
        <p>
          This link was used already or has expired (links work once, within an hour). <Link href="/register" className={inlineLink}>Sign up again</Link>{" "}
          or <Link href="/session/login" className={inlineLink}>log in</Link>.
        </p>
      )}
    </section>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { ModeBadge } from "@/app/components/ModeBadge";
import { modeStyle } from "@/app/components/mode-style";
import { isAuthMode, type AuthMode } from "@/lib/auth/types";
import { PasskeySignUp } from "@/app/components/PasskeySignUp";
import { RegisterForm } from "./RegisterForm";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ searchParams }: PageProps<"/register">): Promise<React.ReactNode> {
  const requested = (await searchParams).mode;
  const mode: AuthMode = typeof requested === "string" && isAuthMode(requested) ? requested : "session";
  return (
    <div className="grid gap-10 md:grid-cols-2">
      <section className={`rounded-xl border bg-white p-8 shadow-sm ${modeStyle[mode].border}`}>
        <ModeBadge mode={mode} />
        <h1 className="mt-3 text-2xl font-semibold">Create an account</h1>
        <p className="mt-2 text-sm text-slate-600">We send you a link by e-mail; it creates the account and logs you in to {modeStyle[mode].inline}.</p>
        <div className="mt-6">
          <RegisterForm mode={mode} />
        </div>
        <h2 className="mt-8 text-base font-semibold">Or with a passkey only</h2>
        <p className="mt-1 text-sm text-slate-600">No password at all: your device keeps the key, behind its PIN or fingerprint. The same e-mailed link then creates the account.</p>
        <div className="mt-4">
          <PasskeySignUp mode={mode} />
        </div>
      </section>
      <aside className="space-y-4 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">What happens when you sign up</h2>
        <p>Your password is hashed with argon2id; the server never stores it. The same account works in both modes.</p>
        <p>
          Then we send a message to the address. If it can sign up, the message has a link that creates the account and logs you in; if it
          already has one, the message says so. The page you see next is the same either way: the form does not tell strangers which
          addresses are registered.
        </p>
        <p>
          Already have an account?{" "}
          <Link href={`/${mode}/login`} className={inlineLink}>Log in</Link>. Sign up for the other mode instead:{" "}
          <Link href={`/register?mode=${mode === "jwt" ? "session" : "jwt"}`} className={inlineLink}>
            {modeStyle[mode === "jwt" ? "session" : "jwt"].inline}
          </Link>
          .
        </p>
      </aside>
    </div>
  );
}

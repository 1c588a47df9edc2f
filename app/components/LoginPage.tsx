import { headers } from "next/headers";
import Link from "next/link";
import { getConfig } from "@/lib/env";
import { isPlainHttpOffLoopback, localhostUrl } from "@/lib/http/insecure-origin";
import { addressedOrigin } from "@/lib/http/proxy-trust";
import { readEndedNotice } from "@/lib/auth/ended-notice-read";
import { loginPath, safeNextPath } from "@/lib/auth/next-path";
import { strategies } from "@/lib/auth/registry";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import { LogoutAnnouncer } from "./CrossTabLogout";
import { DemoUsers } from "./DemoUsers";
import { LoginForm } from "./LoginForm";
import { PasskeySignIn } from "./PasskeySignIn";
import { modeStyle } from "./mode-style";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}

export async function LoginPage({ mode, searchParams }: { mode: AuthMode; searchParams: SearchParams }): Promise<React.ReactNode> {
  const params = await searchParams;
  const next = safeNextPath(first(params.next));
  const description = strategies[mode].describe();
  const other = AUTH_MODES.find((candidate) => candidate !== mode) ?? mode;
  const origin = addressedOrigin(await headers(), getConfig().TRUST_PROXY);
  const endedNotice = await readEndedNotice(mode);
  return (
    <div className="grid gap-10 md:grid-cols-2">
      <section className={`rounded-xl border bg-white p-8 shadow-sm ${modeStyle[mode].border}`}>
        <h1 className="text-2xl font-semibold">Log in — {description.title}</h1>
        {first(params.signedOut) ? (
          <p role="status" className="mt-3 rounded-md bg-slate-100 px-3 py-2 text-sm">
            You are logged out of {modeStyle[mode].inline}.
            <LogoutAnnouncer mode={mode} />
          </p>
        ) : null}
        {endedNotice ? (
          <p role="status" data-testid="ended-notice" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            You were signed out: {endedNotice}
          </p>
        ) : null}
        {isPlainHttpOffLoopback(origin) ? (
          <p role="note" className="mt-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            This page came over plain HTTP from <strong>{origin.host}</strong>, so logging in here is refused: your password would cross
            the network unencrypted, and the login cookie is <code>Secure</code>, which your browser would drop here. Open{" "}
            <a className="underline" href={localhostUrl(origin, `/${mode}/login`)}>
              localhost
            </a>{" "}
            on the machine running the app, or serve it over HTTPS.
          </p>
        ) : null}
        <div className="mt-6">
          <LoginForm mode={mode} next={next} />
        </div>
        <div className="mt-4">
          <PasskeySignIn mode={mode} next={next} />
        </div>
        <p className="mt-4 text-sm text-slate-600">
          No account yet?{" "}
          <Link href={`/register?mode=${mode}`} className="underline">
            Create one
          </Link>
          .
        </p>
      </section>
      <aside className="space-y-4 text-sm text-slate-700">
        <h2 className="text-base font-semibold text-slate-900">What happens when you log in</h2>
        <p>
          <strong>State lives in:</strong> {description.stateLivesIn}
        </p>
        <p>
          <strong>Revocation:</strong> {description.revocation}
        </p>
        <p>
          Cookie: <code className="font-mono">{description.cookieName}</code> (httpOnly, SameSite=Lax).
        </p>
        <DemoUsers layout="box" />
        <p>
          Try the other one too: <Link href={loginPath(other, next)} className="underline">{modeStyle[other].inline}</Link>.
        </p>
      </aside>
    </div>
  );
}

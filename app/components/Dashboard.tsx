import { getProfile, requireAuth } from "@/lib/auth/dal";
import { strategies } from "@/lib/auth/registry";
import type { AuthMode } from "@/lib/auth/types";
import { LogoutListener } from "./CrossTabLogout";
import { FactTable } from "./FactTable";
import { LogoutButton } from "./LogoutButton";
import { PasskeyPanel } from "./PasskeyPanel";
import { PasswordForm } from "./PasswordForm";
import { modeStyle } from "./mode-style";
import { LocalTime } from "./LocalTime";

/** The same dashboard for both modes: who you are, until when, and where that knowledge lives. */
export async function Dashboard({ mode }: { mode: AuthMode }): Promise<React.ReactNode> {
  const { principal, credential } = await requireAuth(mode);
  const profile = await getProfile(principal);
  const view = strategies[mode].inspect(credential.value);
  const description = strategies[mode].describe();
  return (
    <DashboardView
      mode={mode}
      name={profile?.name ?? principal.userId}
      email={profile?.email ?? ""}
      role={principal.role}
      expiresAt={principal.expiresAt}
      serverFacts={principal.evidence}
      browser={{
        summary: view.summary,
        facts: { cookie: description.cookieName, "sent as": credential.source, bytes: view.bytes, format: view.format, ...view.readable },
      }}
      profileReadForDisplay={!principal.profile}
    />
  );
}

export interface DashboardViewProps {
  mode: AuthMode;
  name: string;
  email: string;
  role: string;
  expiresAt: Date | string;
  serverFacts: Record<string, unknown>;
  browser: { summary: string; facts: Record<string, unknown> };
  /** The token carried no name or e-mail: they were read for display, not for the check. */
  profileReadForDisplay: boolean;
}

/**
 * The dashboard's markup, from values: the dashboards pass what the check found, the bench's
 * baseline page (app/bench) passes samples, so both render exactly the same page and the
 * benchmark's ratio is what authentication costs, not a drift between two copies.
 */
export function DashboardView({ mode, name, email, role, expiresAt, serverFacts, browser, profileReadForDisplay }: DashboardViewProps): React.ReactNode {
  const description = strategies[mode].describe();
  return (
    <div className="space-y-8">
      <LogoutListener mode={mode} />
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Signed in as {name}</h1>
          <p className="text-sm text-slate-600">
            {email} · role <strong>{role}</strong>
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
          <LocalTime at={expiresAt} className="font-medium" />
          .
        </p>
        <p className="mt-1 text-sm text-slate-600">{description.revocation}</p>
        <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          <TitledList title="The server can end" items={description.canRevoke} />
          <TitledList title="The server cannot end" items={description.cannotRevoke} />
        </div>
      </section>

      {/* Stacked: side by side, the shorter list left half its card empty (a JWT payload is long). */}
      <div className="space-y-6">
        <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="server-side">
          <h2 id="server-side" className="font-semibold">
            What the server relied on
          </h2>
          <p className="mb-3 text-sm text-slate-600">{description.stateLivesIn}</p>
          <FactTable facts={serverFacts} />
        </section>
        <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="browser-side">
          <h2 id="browser-side" className="font-semibold">
            What the browser holds
          </h2>
          <p className="mb-3 text-sm text-slate-600">{browser.summary}</p>
          <FactTable facts={browser.facts} />
        </section>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="password">
        <h2 id="password" className="font-semibold">
          Change password
        </h2>
        <p className="mb-3 text-sm text-slate-600">Ends every other session and refresh family of yours, in both modes.</p>
        <PasswordForm mode={mode} />
      </section>
      <section className="rounded-xl border border-slate-200 bg-white p-6" aria-labelledby="passkeys">
        <h2 id="passkeys" className="font-semibold">
          Passkeys
        </h2>
        <p className="mb-3 text-sm text-slate-600">
          Sign in without a password, on either login page: the passkey proves who you are, the mode decides what you hold afterwards.
        </p>
        <PasskeyPanel />
      </section>
      {profileReadForDisplay ? (
        <p className="text-xs text-slate-500">
          Name and e-mail above were read from the database for display: the token carries only an id and a role, so the auth
          check itself did not need them.
        </p>
      ) : null}
    </div>
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

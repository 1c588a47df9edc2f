import Link from "next/link";
import { verifyAuth } from "@/lib/auth/dal";
import type { CredentialDeadline } from "@/lib/auth/edge";
import { edges } from "@/lib/auth/edge-registry";
import { modeCheckedByPage } from "@/lib/auth/page-check";
import { currentPathname, readCredential } from "@/lib/auth/request";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import { errorText, logEvent } from "@/lib/log";
import { HeaderCountdown } from "./HeaderCountdown";
import { modeStyle } from "./mode-style";

/**
 * Both modes' state on every page: who is logged in, until when, and the inspector. On a mode's
 * own protected pages the answer is the page's own authoritative check (React's `cache`: the
 * same call, no extra query); everywhere else only what the credential says by itself (crypto
 * and clock, no database), and the header says which of the two it shows.
 */

type ModeState =
  | { kind: "out" }
  | { kind: "refused"; code: string }
  | { kind: "in"; checked: boolean; who: string | null; deadlines: CredentialDeadline[] };

const SHORT: Record<AuthMode, string> = { session: "Session", jwt: "JWT" };
const INSPECTOR: Record<AuthMode, string> = { session: "inspect the session", jwt: "inspect the token" };
/** What `Principal.expiresAt` is in each mode, in the header's words. */
const ENDS_AT: Record<AuthMode, string> = { session: "idle limit", jwt: "exp" };

async function stateOf(mode: AuthMode, checkedByPage: AuthMode | null): Promise<ModeState> {
  const credential = await readCredential(mode, false);
  if (!credential) return { kind: "out" };
  if (mode !== checkedByPage) {
    const glance = await edges[mode].glance(credential.value, new Date());
    return glance ? { kind: "in", checked: false, ...glance } : { kind: "refused", code: "not_plausible" };
  }
  const check = await verifyAuth(mode);
  if (!check.ok) return { kind: "refused", code: check.code };
  const { principal } = check;
  const deadlines: CredentialDeadline[] = [{ label: ENDS_AT[mode], at: principal.expiresAt }];
  if (typeof principal.api.absoluteExpiresAt === "string") deadlines.push({ label: "absolute limit", at: new Date(principal.api.absoluteExpiresAt) });
  return { kind: "in", checked: true, who: principal.profile?.email ?? `user ${principal.userId.slice(0, 8)}… (${principal.role})`, deadlines };
}

function ModeLine({ mode, state }: { mode: AuthMode; state: ModeState }) {
  return (
    <div className="min-w-0 [overflow-wrap:anywhere]">
      <span className={`mr-1 rounded-full px-1.5 py-0.5 font-medium ring-1 ${modeStyle[mode].badge}`}>{SHORT[mode]}</span>
      {state.kind === "out" ? <span className="text-slate-500">not logged in</span> : null}
      {state.kind === "refused" ? <span className="text-slate-500">credential not accepted ({state.code})</span> : null}
      {state.kind === "in" ? (
        <>
          <span>{state.who ?? "a sealed id (only its row says whose)"}</span>
          {state.deadlines.map((deadline) => (
            <span key={deadline.label} className="ml-2 whitespace-nowrap text-slate-600">
              {deadline.label} <HeaderCountdown until={deadline.at.toISOString()} label={`${SHORT[mode]}: time until ${deadline.label}`} />
            </span>
          ))}
          <span className="ml-2 text-slate-500">{state.checked ? "· checked" : "· not checked against the server here"}</span>
          <Link href={`/${mode}/inspect`} className="ml-2 whitespace-nowrap text-slate-700 underline underline-offset-2">
            {INSPECTOR[mode]}
          </Link>
        </>
      ) : null}
    </div>
  );
}

export async function AuthStatus(): Promise<React.ReactNode> {
  const checkedByPage = modeCheckedByPage(await currentPathname(), { session: edges.session.protectedPages, jwt: edges.jwt.protectedPages });
  const states = await Promise.all(
    AUTH_MODES.map(async (mode) => {
      try {
        return await stateOf(mode, checkedByPage);
      } catch (error) {
        // The header is a courtesy: a page must never fail because it could not be drawn.
        logEvent("auth_status_failed", { mode, error: errorText(error) }, "warn");
        return { kind: "refused", code: "unavailable" } as const;
      }
    }),
  );
  return (
    <section aria-label="Your login in each mode" className="border-t border-slate-100 bg-slate-50">
      <div className="mx-auto grid max-w-5xl grid-cols-2 gap-3 px-4 py-2 text-xs sm:px-6">
        {AUTH_MODES.map((mode, index) => (
          <ModeLine key={mode} mode={mode} state={states[index]!} />
        ))}
      </div>
    </section>
  );
}

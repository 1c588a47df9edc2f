"use client";

import { useEffect, useState } from "react";
import { judgeJwt, judgeSession, type CrossOriginObservations, type CrossOriginVerdict, type FetchOutcome } from "@/lib/labs/cross-origin/verdict";

/** Only the app's own loopback origins are called: the fragment cannot point this page elsewhere. */
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;

async function observe(url: string, init: RequestInit): Promise<FetchOutcome> {
  try {
    const response = await fetch(url, { ...init, cache: "no-store" });
    const body: unknown = await response.json().catch(() => null);
    return { kind: "answered", status: response.status, body };
  } catch (error) {
    // What a page gets when CORS refuses: a TypeError without details (the console has them).
    return { kind: "blocked", message: error instanceof Error ? error.message : String(error) };
  }
}

async function runProbes(home: string, token: string): Promise<CrossOriginObservations> {
  const bearer = { authorization: `Bearer ${token}` };
  return {
    bearer: await observe(`${home}/api/jwt/me`, { headers: bearer }),
    bearerWithoutCors: await observe(`${home}/api/downstream/jwt`, { headers: bearer }),
    cookieCredentialed: await observe(`${home}/api/session/me`, { credentials: "include" }),
    probe: await observe(`${home}/api/labs/cross-origin/probe`, { credentials: "include" }),
  };
}

function describeOutcome(outcome: FetchOutcome): string {
  return outcome.kind === "answered" ? `answered ${outcome.status}` : "blocked by the browser";
}

type State = { phase: "missing" } | { phase: "running"; home: string } | { phase: "done"; home: string; observed: CrossOriginObservations };

export function ForeignProbes(): React.ReactNode {
  const [state, setState] = useState<State>({ phase: "missing" });

  useEffect(() => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    const token = params.get("token");
    const home = params.get("home");
    // The token leaves the address bar (and so the history) at once.
    history.replaceState(null, "", window.location.pathname);
    if (!token || !home || !LOOPBACK.test(home)) return;
    let cancelled = false;
    // The lab starts from its URL alone: there is nothing to click on "somebody else's site".
    queueMicrotask(() => setState({ phase: "running", home }));
    void runProbes(home, token).then((observed) => {
      if (!cancelled) setState({ phase: "done", home, observed });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (state.phase === "missing") {
    return <p role="status">Start this lab from its page on the app&apos;s own origin: /labs/cross-origin.</p>;
  }
  if (state.phase === "running") return <p role="status">Calling {state.home} from this origin…</p>;
  const { observed, home } = state;
  const rows: [string, FetchOutcome][] = [
    ["GET /api/jwt/me with Authorization: Bearer (CORS allows this origin)", observed.bearer],
    ["The same token to /api/downstream/jwt (no CORS headers)", observed.bearerWithoutCors],
    ["GET /api/session/me with credentials: include", observed.cookieCredentialed],
    ["GET /api/labs/cross-origin/probe with credentials: include", observed.probe],
  ];
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600">
        This page is on <code className="font-mono">{window.location.origin}</code>; every call went to <code className="font-mono">{home}</code>.
      </p>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">What the browser did with each call</caption>
        <thead>
          <tr>
            <th scope="col" className="py-1 pr-4">call</th>
            <th scope="col" className="py-1">what happened</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, outcome]) => (
            <tr key={label} className="border-t border-slate-200">
              <th scope="row" className="py-2 pr-4 font-normal">{label}</th>
              <td className="py-2">{describeOutcome(outcome)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <VerdictBox title="JWT mode" verdict={judgeJwt(observed)} />
      <VerdictBox title="Session mode" verdict={judgeSession(observed)} />
    </div>
  );
}

function VerdictBox({ title, verdict }: { title: string; verdict: CrossOriginVerdict }) {
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{verdict.headline}</p>
      <p className="mt-2 font-mono text-xs text-slate-600">{[verdict.outcome, ...verdict.reasons].join(" · ")}</p>
    </section>
  );
}

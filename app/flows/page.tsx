import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { inlineLink } from "@/app/components/link-style";
import { ModeBadge } from "@/app/components/ModeBadge";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import { getConfig } from "@/lib/env";
import { FlowDiagram } from "./FlowDiagram";
import { FLOW_KINDS, flowTitle, type FlowKind, type FlowStep } from "./flow-types";
import { jwtFlows } from "./jwt-flows";
import { sessionFlows } from "./session-flows";

export const metadata: Metadata = { title: "Request flows" };


const countDb = (steps: FlowStep[]) => ({
  always: steps.filter((step) => step.db === "read" || step.db === "write").length,
  sometimes: steps.filter((step) => step.db === "sometimes").length,
});

function DbSummary({ steps }: { steps: FlowStep[] }) {
  const { always, sometimes } = countDb(steps);
  if (always + sometimes === 0) return <p className="text-xs text-slate-500">No database step.</p>;
  const parts = [always > 0 ? `${always} database step${always === 1 ? "" : "s"}` : null, sometimes > 0 ? `${sometimes} that depend${sometimes === 1 ? "s" : ""} on timing or configuration` : null];
  return <p className="text-xs text-slate-600">{parts.filter(Boolean).join(", ")}.</p>;
}

/** SESSION_TOUCH_INTERVAL_SECONDS is read per request, never baked in at build time: hence connection(). */
export default async function FlowsPage() {
  await connection();
  const flows: Record<AuthMode, Record<FlowKind, FlowStep[]>> = {
    session: sessionFlows(getConfig().SESSION_TOUCH_INTERVAL_SECONDS),
    jwt: jwtFlows,
  };
  return (
    <div className="space-y-10">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">How a request flows, in each mode</h1>
        <p className="mt-3 text-slate-600">
          Login, an ordinary authenticated request, refresh and logout, step by step as the code does them. Steps that{" "}
          <span className="rounded bg-amber-100 px-1">touch the database</span> are highlighted; the file under each step is where to
          check it. What those steps cost on this server is on the <Link href="/compare" className={inlineLink}>comparison page</Link>.
        </p>
      </div>
      {FLOW_KINDS.map((kind) => (
        <section key={kind} aria-labelledby={`flow-${kind}`} className="space-y-4">
          <h2 id={`flow-${kind}`} className="text-xl font-semibold">
            {flowTitle[kind]}
          </h2>
          <div className="grid gap-8 lg:grid-cols-2">
            {AUTH_MODES.map((mode) => (
              <div key={mode} className="space-y-2">
                <div className="flex items-center gap-3">
                  <ModeBadge mode={mode} />
                  <DbSummary steps={flows[mode][kind]} />
                </div>
                <FlowDiagram steps={flows[mode][kind]} label={`${flowTitle[kind]}, ${mode} mode`} />
              </div>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

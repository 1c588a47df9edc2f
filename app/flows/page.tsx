import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { Fragment } from "react";
import { inlineLink } from "@/app/components/link-style";
import { ModeBadge } from "@/app/components/ModeBadge";
import { modeStyle } from "@/app/components/mode-style";
import { lanesInUse } from "@/lib/flows/sequence-layout";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import { getConfig } from "@/lib/env";
import { FlowDiagram } from "./FlowDiagram";
import { FLOW_KINDS, LANES, flowTitle, type FlowKind, type FlowStep } from "./flow-types";
import { jwtFlows } from "./jwt-flows";
import { passkeySignInSteps } from "./passkey-flow";
import { sessionFlows } from "./session-flows";
import { drawSharedState } from "./shared-state";

export const metadata: Metadata = { title: "Request flows" };

function StoreSummary({ steps }: { steps: FlowStep[] }) {
  const count = (to: FlowStep["to"], sometimes: boolean) => steps.filter((step) => step.to === to && step.access && (step.access === "sometimes") === sometimes).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const parts = [
    count("database", false) > 0 ? plural(count("database", false), "database step") : null,
    count("database", true) > 0 ? `${count("database", true)} more that depend${count("database", true) === 1 ? "s" : ""} on timing or configuration` : null,
    count("redis", false) > 0 ? plural(count("redis", false), "shared-state step") : null,
  ].filter(Boolean);
  return <p className="text-xs text-slate-600">{parts.length === 0 ? "No database step." : `${parts.join(", ")}.`}</p>;
}

/** Shown once: the ceremony is the sign-in method's, the same whichever mode it feeds. */
function PasskeyCeremony({ redis }: { redis: boolean }) {
  const steps = drawSharedState(passkeySignInSteps, redis);
  return (
    <section aria-labelledby="flow-passkey" className="space-y-4">
      <h2 id="flow-passkey" className="text-xl font-semibold">
        Login with a passkey, either mode
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">
        How a user proves who they are is one axis, what credential they then hold the other: the ceremony below is the same on
        both login pages, and its last step hands the user to the mode, which continues as in the login diagrams above.
      </p>
      <StoreSummary steps={steps} />
      <div className="max-w-3xl">
        <FlowDiagram steps={steps} lanes={lanesInUse(LANES, steps)} title="Login with a passkey" />
      </div>
    </section>
  );
}

/** SESSION_TOUCH_INTERVAL_SECONDS and JWT_REVOCATION_CHECK are read per request, never baked in at build time: hence connection(). */
export default async function FlowsPage(): Promise<React.ReactNode> {
  await connection();
  const config = getConfig();
  const redis = config.REDIS_URL !== undefined;
  const asConfigured = (flows: Record<FlowKind, FlowStep[]>) =>
    Object.fromEntries(FLOW_KINDS.map((kind) => [kind, drawSharedState(flows[kind], redis)])) as Record<FlowKind, FlowStep[]>;
  const flows: Record<AuthMode, Record<FlowKind, FlowStep[]>> = {
    session: asConfigured(sessionFlows(config.SESSION_TOUCH_INTERVAL_SECONDS)),
    jwt: asConfigured(jwtFlows(config.JWT_REVOCATION_CHECK)),
  };
  return (
    <div className="space-y-10">
      <div className="max-w-3xl">
        <h1 className="text-3xl font-semibold tracking-tight">How a request flows, in each mode</h1>
        <p className="mt-3 text-slate-600">
          Login, an ordinary authenticated request, refresh, logout and a call to another service, message by message as the code does
          them on this server (JWT_REVOCATION_CHECK={config.JWT_REVOCATION_CHECK}, {redis ? "shared state in Redis" : "no REDIS_URL: one process, its counters in its own memory"}).
          Messages to the <span className="rounded bg-amber-100 px-1">database</span>
          {redis ? (
            <>
              {" "}and to <span className="rounded bg-rose-100 px-1">Redis</span> are
            </>
          ) : (
            " are"
          )}{" "}
          marked; dashed arrows are answers. Under each diagram, the steps in
          words with the file to check them in. What those steps cost is on the <Link href="/compare" className={inlineLink}>comparison page</Link>.
        </p>
      </div>
      {FLOW_KINDS.map((kind) => {
        const lanes = lanesInUse(LANES, flows.session[kind], flows.jwt[kind]);
        const passkeyAfterLogin = kind === "login" ? <PasskeyCeremony redis={redis} /> : null;
        return (
          <Fragment key={kind}>
          <section aria-labelledby={`flow-${kind}`} className="space-y-4">
            <h2 id={`flow-${kind}`} className="text-xl font-semibold">
              {flowTitle[kind]}
            </h2>
            <div className="grid gap-8 lg:grid-cols-2">
              {AUTH_MODES.map((mode) => (
                <div key={mode} className="min-w-0 space-y-2">
                  <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                    <ModeBadge mode={mode} />
                    <StoreSummary steps={flows[mode][kind]} />
                  </div>
                  <FlowDiagram steps={flows[mode][kind]} lanes={lanes} title={`${flowTitle[kind]}, ${modeStyle[mode].inline}`} />
                </div>
              ))}
            </div>
          </section>
          {passkeyAfterLogin}
          </Fragment>
        );
      })}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { inlineLink } from "@/app/components/link-style";
import { LocalTime } from "@/app/components/LocalTime";
import { getConfig } from "@/lib/env";
import { latestLabResult, revocationLagOf } from "@/lib/labs/store";
import { authMetricsSince, authMetricsSnapshot } from "@/lib/metrics/auth-metrics";
import { countStoredState } from "@/lib/metrics/stored-state";
import { headlines } from "@/lib/verdicts/headlines";
import { loadHeadlineInputs } from "@/lib/verdicts/load";
import { MeasuredCharts } from "./charts/MeasuredCharts";
import { CompareTable } from "./CompareTable";
import { DefaultFirstBench } from "./DefaultFirstBench";
import { evidenceRows } from "./evidence-rows";
import { HeadlineCards } from "./HeadlineCards";
import { labRows } from "./lab-rows";
import { measuredRows } from "./measured-rows";
import { NoTrafficYet } from "./NoTrafficYet";
import { SessionCacheBench } from "./SessionCacheBench";
import { SigningFacts } from "./SigningFacts";

export const metadata: Metadata = { title: "The comparison, measured" };

export default async function ComparePage(): Promise<React.ReactNode> {
  // Live figures of this process: never prerendered, never cached.
  await connection();
  const snapshot = authMetricsSnapshot();
  const since = authMetricsSince().toISOString();
  const config = getConfig();
  const state = await countStoredState();
  const nothingYet = Object.values(snapshot).every((mode) => mode.checks === 0 && mode.visitors.setCookieBytes.samples === 0);
  const settings = {
    session: `lastSeenAt written at most every ${config.SESSION_TOUCH_INTERVAL_SECONDS} s`,
    jwt: `JWT_ALG=${config.JWT_ALG}, JWT_REVOCATION_CHECK=${config.JWT_REVOCATION_CHECK}`,
  };
  const lab = await latestLabResult("stolen-credential");
  const lag = revocationLagOf(lab);
  const evidence = evidenceRows({ state, lab, lag });
  const rows = [
    evidence.state,
    ...measuredRows(snapshot, settings, config.SESSION_CACHE === "off"),
    evidence.revocation,
    evidence.reader,
    evidence.crossService,
    ...labRows(await latestLabResult("fleet"), await latestLabResult("sticky-sessions")),
  ];
  const cards = headlines(await loadHeadlineInputs());
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-semibold tracking-tight">Sessions vs JWTs, measured on this server</h1>
      <HeadlineCards cards={cards} />
      <div className="max-w-3xl">
        <h2 className="text-xl font-semibold">The whole table, and how it is measured</h2>
        <p className="mt-3 text-slate-600">
          The classic comparison table, except that each cell says what this app measured or can show. Figures are per server process,
          since it started at{" "}
          <LocalTime at={since} className="text-sm" />
          : a restart starts again from nothing, and percentiles cover each figure&apos;s latest 1,000 samples. Every authoritative check (the DAL) and every login or refresh is recorded by{" "}
          <code className="font-mono text-sm">lib/metrics</code>; the same figures are at{" "}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- JSON from a route handler, not a page: a plain link, so the router neither prefetches nor renders it */}
          <a href="/api/metrics" className={inlineLink}>/api/metrics</a>,
          and the steps behind them on <Link href="/flows" className={inlineLink}>Flows</Link>.
        </p>
      </div>
      <SigningFacts />
      {nothingYet ? <NoTrafficYet /> : null}
      <MeasuredCharts snapshot={snapshot} settings={settings} lag={lag} cacheOff={config.SESSION_CACHE === "off"} />
      <CompareTable rows={rows} />
      <DefaultFirstBench />
      <SessionCacheBench />
    </div>
  );
}

import { modeStyle } from "@/app/components/mode-style";
import { countOf } from "@/lib/format/units";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import type { RevocationLag } from "@/lib/labs/store";
import type { ModeSnapshot } from "@/lib/metrics/auth-metrics";
import { BytesChart } from "./BytesChart";
import { ColdLatencyChart, LabLatencyChart, WarmLatencyChart } from "./LatencyCharts";
import { QueriesChart } from "./QueriesChart";
import { RevocationChart } from "./RevocationChart";

/** The measured figures as pictures, each with its sample counts; the labs' traffic apart. */

interface MeasuredChartsProps {
  snapshot: Record<AuthMode, ModeSnapshot>;
  settings: Record<AuthMode, string>;
  lag: RevocationLag | null;
  /** SESSION_CACHE=off: no check can be warm, so warm figures give way to a sentence saying why. */
  cacheOff: boolean;
}

export function MeasuredCharts({ snapshot, settings, lag, cacheOff }: MeasuredChartsProps): React.ReactNode {
  const labChecks = AUTH_MODES.map((mode) => `${modeStyle[mode].label} ${countOf(snapshot[mode].labs.accepted, "check")}`).join(", ");
  const refused = AUTH_MODES.map((mode) => `${modeStyle[mode].inline} ${snapshot[mode].rejected}`).join(", ");
  return (
    <section aria-labelledby="charts" className="space-y-4">
      <div className="max-w-3xl">
        <h2 id="charts" className="text-xl font-semibold">
          The figures as pictures
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Accepted checks of visitors&apos; requests. A check is <strong>warm</strong> when a cache answered it without the database, and{" "}
          <strong>cold</strong> otherwise: the mode&apos;s full check, with its database read where it makes one (the queries chart shows
          which do). Each is charted on its own. Refused checks are counted, never charted ({refused}).
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <ColdLatencyChart snapshot={snapshot} />
        <WarmLatencyChart snapshot={snapshot} cacheOff={cacheOff} />
        <BytesChart snapshot={snapshot} />
        <QueriesChart snapshot={snapshot} settings={settings} cacheOff={cacheOff} />
        <RevocationChart lag={lag} />
        <div className="space-y-2">
          <LabLatencyChart snapshot={snapshot} />
          <p className="px-1 text-xs text-slate-500">
            The labs send real requests to this server as throwaway users of their own (a database outage among them). Their checks are
            kept out of every other figure and shown here alone: {labChecks}.
          </p>
        </div>
      </div>
    </section>
  );
}

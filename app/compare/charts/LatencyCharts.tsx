import { modeStyle } from "@/app/components/mode-style";
import { AUTH_MODES, type AuthMode } from "@/lib/auth/types";
import type { ModeSnapshot, Temperature, Traffic } from "@/lib/metrics/auth-metrics";
import { CacheOffNote } from "../CacheOffNote";
import { LatencyLadder, type LadderSeries } from "./LatencyLadder";

/** The latency ladders: visitors' cold and warm checks apart, and the labs' beside them. */

function seriesOf(snapshot: Record<AuthMode, ModeSnapshot>, traffic: Traffic, temperature: Temperature): LadderSeries[] {
  return AUTH_MODES.map((mode) => ({ label: modeStyle[mode].label, tone: mode, light: temperature === "warm", figures: snapshot[mode][traffic][temperature] }));
}

export function ColdLatencyChart({ snapshot }: { snapshot: Record<AuthMode, ModeSnapshot> }): React.ReactNode {
  return <LatencyLadder id="chart-latency-cold" title="Check latency, cold: no cache answered" series={seriesOf(snapshot, "visitors", "cold")} empty="no cold checks yet" />;
}

const WARM_TITLE = "Check latency, warm: a cache answered";

export function WarmLatencyChart({ snapshot, cacheOff }: { snapshot: Record<AuthMode, ModeSnapshot>; cacheOff: boolean }): React.ReactNode {
  if (cacheOff) {
    return (
      <figure aria-labelledby="chart-latency-warm-caption" className="min-w-0 rounded-xl border border-slate-200 bg-white p-4">
        <figcaption id="chart-latency-warm-caption" className="text-sm font-semibold">
          {WARM_TITLE}
        </figcaption>
        <p className="mt-3 text-sm text-slate-600">
          <CacheOffNote />
        </p>
      </figure>
    );
  }
  return (
    <LatencyLadder id="chart-latency-warm" title={WARM_TITLE} series={seriesOf(snapshot, "visitors", "warm")} empty="no check answered from a cache yet" />
  );
}

/** The labs' own checks: real requests to this server, but not what a visitor's request costs. */
export function LabLatencyChart({ snapshot }: { snapshot: Record<AuthMode, ModeSnapshot> }): React.ReactNode {
  const series = [...seriesOf(snapshot, "labs", "cold"), ...seriesOf(snapshot, "labs", "warm")]
    .filter((one) => one.figures.samples > 0 || !one.light)
    .map((one) => ({ ...one, label: `${one.label}${one.light ? ", warm" : ""}` }));
  return <LatencyLadder id="chart-latency-labs" title="Lab traffic, kept apart: check latency" series={series} empty="no lab checks yet" />;
}

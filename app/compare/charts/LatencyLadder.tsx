import { formatMicros, formatMicrosTick } from "@/lib/format/units";
import { logScale } from "@/lib/charts/scale";
import { groupSlots } from "@/lib/charts/slots";
import { LATENCY_LADDER, type CheckFigures, type LadderStep } from "@/lib/metrics/auth-metrics";
import { AXIS_ROOM, BottomAxis, CHART_FONT, CHART_WIDTH, ChartFrame } from "./ChartFrame";
import { seriesCount } from "./series-text";
import { toneFill, type Tone } from "./tones";

/**
 * A percentile ladder: p50 to p99 of the check latency, one bar per series at each step, on a
 * log axis (a cache's 0.02 ms and a database's 2 ms both stay visible). With fewer than 100
 * checks a p99 is simply their slowest, and the caption says so.
 */

export interface LadderSeries {
  label: string;
  tone: Tone;
  /** Drawn lighter: the warm series beside its cold one. */
  light?: boolean;
  figures: CheckFigures;
}

const STEPS = LATENCY_LADDER.map((p) => `p${p}` as LadderStep);
/** Room for "p95" on the left and "1,204 ms" on the right at CHART_FONT. */
const LEFT = 40;
const RIGHT = CHART_WIDTH - 84;
const LEGEND_LINE = CHART_FONT + 6;
const BAR = CHART_FONT;

export function LatencyLadder({ id, title, series, empty }: { id: string; title: string; series: LadderSeries[]; empty: string }): React.ReactNode {
  const shown = series.filter((one) => one.figures.inFigures > 0);
  const values = shown.flatMap((one) => STEPS.map((step) => one.figures.latencyMicros[step] ?? 0));
  const scale = logScale(Math.min(...values, 1000), Math.max(...values, 1000), [LEFT, RIGHT]);
  const legendBottom = 6 + series.length * LEGEND_LINE;
  const { groups, bottom } = groupSlots(STEPS.map(() => shown.length), { top: legendBottom + 8, labelHeight: 0, barHeight: BAR, barGap: 3, groupGap: 10 });
  const few = shown.some((one) => one.figures.inFigures < 100);
  return (
    <ChartFrame
      id={id}
      title={title}
      height={bottom + AXIS_ROOM + 8}
      description={describeLadder(series, empty)}
      samples={
        <>
          {series.map((one) => seriesCount(one.label, one.figures)).join(" · ")}.
          {few ? " Under 100 checks, p99 is the slowest one." : null}
        </>
      }
    >
      {series.map((one, index) => (
        <g key={one.label}>
          <rect x={0} y={6 + index * LEGEND_LINE + 3} width={12} height={12} rx={2} className={toneFill[one.tone]} opacity={one.light ? 0.5 : 1} />
          <text x={18} y={6 + index * LEGEND_LINE + CHART_FONT - 1}>
            {one.label}: {one.figures.samples > 0 ? `n = ${one.figures.inFigures}` : empty}
          </text>
        </g>
      ))}
      {shown.length === 0 ? (
        <text x={CHART_WIDTH / 2} y={legendBottom + 60} textAnchor="middle" className="fill-slate-500">
          Nothing to draw yet.
        </text>
      ) : null}
      {shown.length > 0 ? (
        <>
          <BottomAxis ticks={scale.ticks} at={scale} top={legendBottom + 4} y={bottom + 4} format={formatMicrosTick} unit="ms" />
          {groups.map((group, stepIndex) => {
            const step = STEPS[stepIndex]!;
            return (
              <g key={step}>
                <text x={0} y={group.middle + 5} className="fill-slate-700 font-medium">
                  {step}
                </text>
                {shown.map((one, seriesIndex) => {
                  const value = one.figures.latencyMicros[step] ?? 0;
                  const y = group.bars[seriesIndex]!;
                  return (
                    <g key={one.label}>
                      <rect x={LEFT} y={y} width={Math.max(1, scale(value) - LEFT)} height={BAR} rx={2} className={toneFill[one.tone]} opacity={one.light ? 0.5 : 1} />
                      <text x={CHART_WIDTH} y={y + BAR - 3} textAnchor="end" className="fill-slate-700 tabular-nums">
                        {formatMicros(value)}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </>
      ) : null}
    </ChartFrame>
  );
}

function describeLadder(series: LadderSeries[], empty: string): string {
  const parts = series.map((one) => {
    if (one.figures.inFigures === 0) return `${one.label}: ${empty}`;
    const ladder = STEPS.map((step) => `${step} ${formatMicros(one.figures.latencyMicros[step] ?? 0)}`).join(", ");
    return `${one.label}, ${one.figures.inFigures} checks: ${ladder}`;
  });
  return `Check latency percentiles on a logarithmic axis. ${parts.join(". ")}.`;
}

import type { ReactNode } from "react";
import { linearScale } from "@/lib/charts/scale";
import { groupSlots } from "@/lib/charts/slots";
import { AXIS_ROOM, BottomAxis, CHART_FONT, CHART_WIDTH, ChartFrame } from "./ChartFrame";
import { toneFill, type Tone } from "./tones";

/**
 * Labelled horizontal bars on a linear axis from zero, optionally against a limit drawn as a
 * dashed line (the browsers' 4,096-byte cookie limit). Each row's label and its number sit on
 * two lines above its bar, so the bar gets the full width even at 390 px and text at a size a
 * phone can read never runs into other text. The limit is drawn only across the bars, never
 * through a line of text.
 */

export interface BarRow {
  label: string;
  /** null: not measured; the row says so instead of drawing a bar. */
  value: number | null;
  /** The number as the reader should read it, with its sample count ("402 B · 12 checks"). */
  text: string;
  tone: Tone;
  light?: boolean;
}

interface BarChartProps {
  id: string;
  title: string;
  rows: BarRow[];
  format: (value: number) => string;
  limit?: { value: number; label: string };
  /** A smallest top for the axis (2 queries), so one measured value does not fill it. */
  atLeast?: number;
  description: string;
  samples: ReactNode;
}

const BAR = 12;
const LINE = CHART_FONT + 4;
/** A white outline under text, so a gridline or the limit line never cuts through a number. */
const halo = { stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;
const LIMIT_ROOM = LINE + 4;

export function BarChart({ id, title, rows, format, limit, atLeast, description, samples }: BarChartProps): React.ReactNode {
  const measured = rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  const scale = linearScale(Math.max(0, ...measured), [0, CHART_WIDTH], { atLeast: Math.max(limit?.value ?? 0, atLeast ?? 0) });
  const top = limit ? LIMIT_ROOM : 0;
  const { groups, bottom } = groupSlots(rows.map(() => 1), { top, labelHeight: 2 * LINE + 2, barHeight: BAR, barGap: 0, groupGap: 10 });
  return (
    <ChartFrame id={id} title={title} height={bottom + AXIS_ROOM + 8} description={description} samples={samples}>
      <BottomAxis ticks={scale.ticks} at={scale} top={top} y={bottom + 4} format={format} />
      {limit ? (
        <g>
          <text x={scale(limit.value) - 4} y={CHART_FONT - 2} textAnchor="end" className="fill-rose-700">
            {limit.label}
          </text>
          {/* One dashed segment per bar (and the axis), so the line crosses no text. */}
          {[top - 4, ...groups.map((group) => group.bars[0]! - 3)].map((y1, index) => (
            <line
              key={y1}
              data-limit={limit.label}
              x1={scale(limit.value)}
              x2={scale(limit.value)}
              y1={y1}
              y2={index === 0 ? top : y1 + BAR + 6}
              className="stroke-rose-500"
              strokeWidth={1.5}
              strokeDasharray="4 3"
            />
          ))}
          <line data-limit={limit.label} x1={scale(limit.value)} x2={scale(limit.value)} y1={bottom + 2} y2={bottom + 6} className="stroke-rose-500" strokeWidth={1.5} />
        </g>
      ) : null}
      {groups.map((group, index) => {
        const row = rows[index]!;
        return (
          <g key={row.label}>
            <text x={0} y={group.labelY - LINE} className="fill-slate-700 font-medium" {...halo}>
              {row.label}
            </text>
            <text x={0} y={group.labelY} className="fill-slate-600 tabular-nums" {...halo}>
              {row.text}
            </text>
            {row.value === null ? null : (
              <rect x={0} y={group.bars[0]} width={Math.max(1, scale(row.value))} height={BAR} rx={2} className={toneFill[row.tone]} opacity={row.light ? 0.5 : 1} />
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}

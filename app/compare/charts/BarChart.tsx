import type { ReactNode } from "react";
import { linearScale } from "@/lib/charts/scale";
import { groupSlots } from "@/lib/charts/slots";
import { AXIS_ROOM, BottomAxis, CHART_WIDTH, ChartFrame } from "./ChartFrame";
import { toneFill, type Tone } from "./tones";

/**
 * Labelled horizontal bars on a linear axis from zero, optionally against a limit drawn as a
 * dashed line (the browsers' 4,096-byte cookie limit). Each row's label sits above its bar and
 * its number at the right, so the bar gets the full width even at 390 px.
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
/** A white outline under text, so a gridline or the limit line never cuts through a number. */
const halo = { stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;
const LIMIT_ROOM = 16;

export function BarChart({ id, title, rows, format, limit, atLeast, description, samples }: BarChartProps) {
  const measured = rows.flatMap((row) => (row.value === null ? [] : [row.value]));
  const scale = linearScale(Math.max(0, ...measured), [0, CHART_WIDTH], { atLeast: Math.max(limit?.value ?? 0, atLeast ?? 0) });
  const top = limit ? LIMIT_ROOM : 0;
  const { groups, bottom } = groupSlots(rows.map(() => 1), { top, labelHeight: 17, barHeight: BAR, barGap: 0, groupGap: 8 });
  return (
    <ChartFrame id={id} title={title} height={bottom + AXIS_ROOM + 8} description={description} samples={samples}>
      <BottomAxis ticks={scale.ticks} at={scale} top={top} y={bottom + 4} format={format} />
      {limit ? (
        <g>
          <line x1={scale(limit.value)} x2={scale(limit.value)} y1={top - 2} y2={bottom + 4} className="stroke-rose-500" strokeWidth={1.5} strokeDasharray="4 3" />
          <text x={scale(limit.value)} y={11} textAnchor="end" fontSize={11} className="fill-rose-700">
            {limit.label}
          </text>
        </g>
      ) : null}
      {groups.map((group, index) => {
        const row = rows[index]!;
        return (
          <g key={row.label}>
            <text x={0} y={group.labelY} className="fill-slate-700" {...halo}>
              {row.label}
            </text>
            <text x={CHART_WIDTH} y={group.labelY} textAnchor="end" fontSize={11} className="fill-slate-700 tabular-nums" {...halo}>
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

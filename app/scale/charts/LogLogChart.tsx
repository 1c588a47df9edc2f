import type { ReactNode } from "react";
import { CHART_WIDTH, ChartFrame } from "@/app/compare/charts/ChartFrame";
import { linePath, logLogLayout, type AxisKind, type LogLogLayout, type Point } from "@/lib/charts/log-log";

/**
 * Lines on log axes both ways, one per mode (or per percentile), with vertical markers where
 * something saturates. The body is shared by the page (inside ChartFrame) and by
 * scripts/scale-charts.tsx, which writes the same pictures to docs/bench/ as standalone SVG
 * files. Colours are presentation attributes (the page's CSP allows no inline styles) in sRGB
 * for a file without a stylesheet, and on the page the theme's classes win over them.
 */

export type Tone = "session" | "jwt" | "neutral" | "muted";

/** The theme's colours (app/globals.css), as sRGB. */
export const COLOUR: Record<Tone, string> = { session: "#00826a", jwt: "#4b62d8", neutral: "#64748b", muted: "#94a3b8" };
const STROKE: Record<Tone, string> = { session: "stroke-session", jwt: "stroke-jwt", neutral: "stroke-slate-500", muted: "stroke-slate-400" };
const FILL: Record<Tone, string> = { session: "fill-session", jwt: "fill-jwt", neutral: "fill-slate-500", muted: "fill-slate-500" };
const TEXT: Record<Tone, string> = { session: "text-session", jwt: "text-jwt", neutral: "text-slate-600", muted: "text-slate-500" };

export interface LineSeries {
  label: string;
  tone: Tone;
  dashed?: boolean;
  points: Point[];
}

export interface Marker {
  x: number;
  label: string;
  tone: Tone;
}

export interface LogLogChartProps {
  id: string;
  title: string;
  description: string;
  /** The text under the picture: a legend and where the figures come from. */
  samples: ReactNode;
  series: LineSeries[];
  markers?: Marker[];
  x: { domain: [number, number]; format: (value: number) => string; unit: string; kind?: AxisKind };
  y: { format: (value: number) => string; unit: string; kind?: AxisKind };
  fontSize?: number;
}

const kindsOf = (props: LogLogChartProps) => ({ x: props.x.kind ?? "log", y: props.y.kind ?? "log" });

/**
 * 12 px type on a 390 px screen: inside the page's and the figure's padding the chart is drawn
 * about 300 px wide there, so a viewBox as wide as CHART_WIDTH needs its type that much larger.
 */
const FONT = Math.max(12, Math.ceil((12 * CHART_WIDTH) / 300));
const halo = { stroke: "white", strokeWidth: 3, paintOrder: "stroke" } as const;

export function layoutOf(props: LogLogChartProps, width = CHART_WIDTH): LogLogLayout {
  return logLogLayout({ width, fontSize: props.fontSize ?? FONT, plotHeight: 150, x: props.x.domain, yValues: props.series.flatMap((series) => series.points.map((point) => point.y)), yLabel: props.y.format, labelLines: props.markers?.length ?? 1, kinds: kindsOf(props) });
}

export function LogLogBody({ props, layout }: { props: LogLogChartProps; layout: LogLogLayout }): React.ReactNode {
  const { plot } = layout;
  const markers = props.markers ?? [];
  return (
    <g fontSize={props.fontSize ?? FONT}>
      <g aria-hidden="true">
        {layout.y.ticks.map((tick) => (
          <g key={`y${tick}`}>
            <line x1={plot.left} x2={plot.right} y1={layout.y(tick)} y2={layout.y(tick)} stroke="#e2e8f0" strokeWidth={1} />
            <text x={plot.left - 4} y={layout.y(tick) + 4} textAnchor="end" fill="#64748b">
              {props.y.format(tick)}
            </text>
          </g>
        ))}
        {layout.x.ticks.map((tick, index) => (
          <text key={`x${tick}`} x={layout.x(tick)} y={plot.bottom + (props.fontSize ?? FONT) + 4} textAnchor={index === 0 ? "start" : index === layout.x.ticks.length - 1 ? "end" : "middle"} fill="#64748b">
            {props.x.format(tick)}
          </text>
        ))}
        <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke="#94a3b8" />
        <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke="#94a3b8" />
      </g>
      {/* Each line drawn thinner than the one before: lines that coincide all stay visible. */}
      {props.series.map((series, index) => (
        <path key={series.label} d={linePath(layout, series.points, kindsOf(props))} fill="none" strokeWidth={Math.max(1.5, 4.5 - index * 1.5)} strokeDasharray={series.dashed ? "6 4" : undefined} stroke={COLOUR[series.tone]} className={STROKE[series.tone]} />
      ))}
      {markers.map((marker, index) => {
        const x = layout.x(marker.x);
        const size = props.fontSize ?? FONT;
        // Starts at the line unless it would run past the plot's right edge: then it ends there.
        const fits = x + marker.label.length * size * 0.6 <= layout.width;
        return (
          <g key={`${marker.label}-${index}`}>
            <line x1={x} x2={x} y1={plot.top - 2} y2={plot.bottom} strokeWidth={1.5} strokeDasharray="3 3" stroke={COLOUR[marker.tone]} className={STROKE[marker.tone]} />
            <text x={fits ? x + 3 : x - 3} y={(index + 1) * (size + 4)} textAnchor={fits ? "start" : "end"} fill={COLOUR[marker.tone]} className={FILL[marker.tone]} {...halo}>
              {marker.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** The series' names in their colours, before the text under the picture. */
function Legend({ series }: { series: LineSeries[] }) {
  return (
    <>
      {series.map((line) => (
        <span key={line.label} className={`mr-2 font-semibold ${TEXT[line.tone]}`}>
          {line.dashed ? "- -" : "—"} {line.label}
        </span>
      ))}
    </>
  );
}

export function LogLogChart(props: LogLogChartProps): React.ReactNode {
  const layout = layoutOf(props);
  return (
    <ChartFrame id={props.id} title={props.title} description={props.description} height={layout.height} samples={<><Legend series={props.series} />{props.samples}</>}>
      <LogLogBody props={props} layout={layout} />
    </ChartFrame>
  );
}

import type { ReactNode } from "react";

/** Every chart's viewBox width: the SVG scales to its column (width 100%), from 390 px up. */
export const CHART_WIDTH = 400;
/**
 * Every chart text's size, in viewBox units. On a 390 px phone the 400-unit viewBox is drawn
 * about 308 px wide (0.77 px per unit), so 16 units read as about 12 px there (e2e/layout.spec.ts
 * measures it); smaller sizes were 8.5 px on a phone. On wider columns text grows with the chart.
 */
export const CHART_FONT = 16;

/**
 * A chart as a figure: a caption that names it, an SVG a screen reader reads as one image
 * (its <title> and a <desc> holding every number), and the sample counts as text below.
 */
export function ChartFrame(props: { id: string; title: string; description: string; height: number; samples: ReactNode; children: ReactNode }): React.ReactNode {
  const { id, title, description, height, samples, children } = props;
  return (
    <figure aria-labelledby={`${id}-caption`} className="min-w-0 rounded-xl border border-slate-200 bg-white p-4">
      <figcaption id={`${id}-caption`} className="text-sm font-semibold">
        {title}
      </figcaption>
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
        viewBox={`0 0 ${CHART_WIDTH} ${Math.ceil(height)}`}
        width="100%"
        className="mt-3 block h-auto w-full overflow-visible text-slate-600"
        fontSize={CHART_FONT}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <p className="mt-3 text-xs text-slate-500">{samples}</p>
    </figure>
  );
}

/** The tick marks and their labels along the bottom, with faint gridlines up to `top`. */
export function BottomAxis(props: { ticks: number[]; at: (value: number) => number; top: number; y: number; format: (value: number) => string; unit?: string }): React.ReactNode {
  const { ticks, at, top, y, format, unit } = props;
  return (
    <g aria-hidden="true">
      {ticks.map((tick, index) => {
        const x = at(tick);
        const anchor = index === 0 && ticks.length > 1 ? "start" : index === ticks.length - 1 ? "end" : "middle";
        return (
          <g key={tick}>
            <line x1={x} x2={x} y1={top} y2={y} className="stroke-slate-200" strokeWidth={1} />
            <text x={x} y={y + CHART_FONT + 2} textAnchor={anchor} className="fill-slate-500">
              {format(tick)}
              {/* The unit once, after the last tick: "0.1  1  10 ms". */}
              {unit && index === ticks.length - 1 ? ` ${unit}` : null}
            </text>
          </g>
        );
      })}
    </g>
  );
}

export const AXIS_ROOM = CHART_FONT + 8;

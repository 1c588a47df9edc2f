import { linearScale, logScale, type Scale } from "./scale.ts";

/**
 * The geometry of a line chart, each axis on a log scale (/scale: a resource against load from
 * 1,000 to 1,000,000 requests per second; lag against instances) or a linear one from zero
 * (reads per second over the seconds after a restart): where the plot sits inside the SVG, its
 * two scales and each series' path. Pure: values in, coordinates out.
 */

export type AxisKind = "log" | "linear";

export interface Point {
  x: number;
  y: number;
}

export interface LogLogLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  x: Scale;
  y: Scale;
}

/** Rough advance of one character of the chart's type, per unit of font size. */
const CHAR_WIDTH = 0.6;

/** The smallest value a log axis here shows: rates and shares below one are values too. */
const LOG_FLOOR = 1e-3;

function scaleOf(kind: AxisKind, low: number, high: number, range: [number, number]): Scale {
  return kind === "log" ? logScale(low, high, range, LOG_FLOOR) : linearScale(high, range, { count: 4 });
}

export function logLogLayout(options: {
  width: number;
  fontSize: number;
  plotHeight: number;
  x: [number, number];
  yValues: number[];
  yLabel: (value: number) => string;
  labelLines?: number;
  kinds?: { x: AxisKind; y: AxisKind };
}): LogLogLayout {
  const { width, fontSize, plotHeight } = options;
  const kinds = options.kinds ?? { x: "log", y: "log" };
  const positive = options.yValues.filter((value) => value > 0 && Number.isFinite(value));
  const [low, high] = positive.length > 0 ? [Math.min(...positive), Math.max(...positive)] : [1, 10];
  // Labels are measured first, so the plot starts where the longest one ends.
  const probe = scaleOf(kinds.y, low, high, [0, 1]);
  const left = Math.ceil(Math.max(...probe.ticks.map((tick) => options.yLabel(tick).length)) * fontSize * CHAR_WIDTH) + 6;
  // Room at the top for one line per marker label, at the bottom for the axis.
  const top = Math.max(1, options.labelLines ?? 1) * (fontSize + 4) + 4;
  const bottom = top + plotHeight;
  const right = width - 4;
  return {
    width,
    height: bottom + fontSize + 10,
    plot: { left, right, top, bottom },
    x: scaleOf(kinds.x, options.x[0], options.x[1], [left, right]),
    y: scaleOf(kinds.y, low, high, [bottom, top]),
  };
}

/** An SVG path through the points, skipping those a log axis cannot show (zero, negative). */
export function linePath(layout: Pick<LogLogLayout, "x" | "y">, points: Point[], kinds: { x: AxisKind; y: AxisKind } = { x: "log", y: "log" }): string {
  let path = "";
  let pen = "M";
  const shown = (value: number, kind: AxisKind) => Number.isFinite(value) && (kind === "linear" ? value >= 0 : value > 0);
  for (const point of points) {
    if (!shown(point.x, kinds.x) || !shown(point.y, kinds.y)) {
      pen = "M";
      continue;
    }
    path += `${pen}${round(layout.x(point.x))},${round(layout.y(point.y))}`;
    pen = "L";
  }
  return path;
}

const round = (value: number) => Math.round(value * 10) / 10;

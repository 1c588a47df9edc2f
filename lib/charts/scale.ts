/**
 * The geometry of the /compare charts, free of React and of the page: a value in, a position
 * out. Server-rendered SVG needs nothing else, so the pictures work without JavaScript.
 */

export interface Scale {
  (value: number): number;
  /** The domain's top: the largest value the axis shows. */
  readonly max: number;
  readonly ticks: number[];
}

/** 1, 2 or 5 × 10^k: the steps a reader can add up at a glance. */
export function niceStep(roughStep: number): number {
  if (!(roughStep > 0) || !Number.isFinite(roughStep)) return 1;
  const power = 10 ** Math.floor(Math.log10(roughStep));
  const fraction = roughStep / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * From 0 to a round top at or above `max`, about `count` ticks. `atLeast` keeps a fixed mark
 * (the 4,096-byte cookie limit) on the axis whatever was measured.
 */
export function linearScale(max: number, range: [number, number], options: { count?: number; atLeast?: number } = {}): Scale {
  // Nothing measured above zero: an axis of one unit, so bars of zero length still have one.
  const want = Math.max(max, options.atLeast ?? 0) > 0 ? Math.max(max, options.atLeast ?? 0) : 1;
  const step = niceStep(want / (options.count ?? 5));
  const top = Math.ceil(want / step - 1e-9) * step;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => Number((index * step).toPrecision(12)));
  const [start, end] = range;
  const scale = (value: number) => start + (Math.min(Math.max(value, 0), top) / top) * (end - start);
  return Object.assign(scale, { max: top, ticks });
}

/**
 * Decades from the power of ten at or below `min` to the one at or above `max`: latencies
 * span a cached 20 µs and a 150 ms outlier, and on a linear axis the first would vanish.
 * Values below the floor sit at the axis start (a bar of zero length, its number beside it).
 * The floor is 1 unless given lower (a rate of 0.3 per second is a value, not nothing).
 */
export function logScale(min: number, max: number, range: [number, number], floor = 1): Scale {
  const floorExponent = Math.floor(Math.log10(Math.max(floor, min)));
  const topExponent = Math.max(floorExponent + 1, Math.ceil(Math.log10(Math.max(floor, max))));
  const ticks = Array.from({ length: topExponent - floorExponent + 1 }, (_, index) => 10 ** (floorExponent + index));
  const [start, end] = range;
  const scale = (value: number) => {
    const exponent = Math.log10(Math.max(value, 10 ** floorExponent));
    return start + ((Math.min(exponent, topExponent) - floorExponent) / (topExponent - floorExponent)) * (end - start);
  };
  return Object.assign(scale, { max: 10 ** topExponent, ticks });
}

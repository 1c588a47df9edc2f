import type { AuthMode } from "../auth/modes.ts";
import type { Costs } from "./costs.ts";
import type { ReaderInputs } from "./inputs.ts";
import { COMPONENTS, modelMode, type Component, type ModeResult } from "./model.ts";

/**
 * Where each component runs out as the load grows, everything else the reader said held still.
 * Utilization rises with peakRps (more checks, fewer cache misses per check but never fewer
 * misses per second), so the load at which it reaches 1 is found by bisection on a log scale.
 */

export const LOAD_RANGE = { min: 1, max: 1e9 } as const;

export interface Saturation {
  component: Component;
  /** The load at which it is full; 0 when the load-independent work (logins, revocations) fills it alone, null when never within LOAD_RANGE. */
  atRps: number | null;
}

function utilizationAt(mode: AuthMode, inputs: ReaderInputs, costs: Costs, component: Component, rps: number): number {
  return modelMode(mode, { ...inputs, peakRps: rps }, costs).utilization[component];
}

export function saturationOf(mode: AuthMode, inputs: ReaderInputs, costs: Costs, component: Component): Saturation {
  const at = (rps: number) => utilizationAt(mode, inputs, costs, component, rps);
  if (at(LOAD_RANGE.min) >= 1) return { component, atRps: 0 };
  if (at(LOAD_RANGE.max) < 1) return { component, atRps: null };
  let [low, high] = [Math.log10(LOAD_RANGE.min), Math.log10(LOAD_RANGE.max)];
  // 40 halvings of nine decades: closer than any input is known.
  for (let step = 0; step < 40; step += 1) {
    const middle = (low + high) / 2;
    if (at(10 ** middle) >= 1) high = middle;
    else low = middle;
  }
  return { component, atRps: 10 ** high };
}

export interface ModeSaturation {
  each: Saturation[];
  /** The component that fills first as the load grows (null: none within LOAD_RANGE). */
  first: { component: Component; atRps: number } | null;
  /** The busiest component at the reader's own load. */
  busiest: { component: Component; utilization: number };
}

export function saturationsOf(result: ModeResult, inputs: ReaderInputs, costs: Costs): ModeSaturation {
  const each = COMPONENTS.map((component) => saturationOf(result.mode, inputs, costs, component));
  const reached = each.filter((entry): entry is Saturation & { atRps: number } => entry.atRps !== null).sort((a, b) => a.atRps - b.atRps);
  const busiest = COMPONENTS.map((component) => ({ component, utilization: result.utilization[component] })).sort((a, b) => b.utilization - a.utilization)[0]!;
  return { each, first: reached[0] ?? null, busiest };
}

import type { MeasuredLag } from "../capacity/measured-lag.ts";
import { fitDelivery, type FittedDelivery } from "./delivery.ts";
import { simulateFleet, type FleetResult, type FleetScenario } from "./fleet.ts";
import { FLEET_SIZES, fleetScenario as scenarioFor, SIMULATION_SEED, TIMELINE, type MeasuredDelivery } from "./scenarios.ts";

/**
 * Every scenario `npm run simulate` runs, and the N = 2 check against the fleet's measured lag.
 * Pure: the measured inputs come in, the whole result goes out — no clock, no files — so the
 * same seed and inputs give the same JSON, byte for byte.
 */

export interface SimulationReport {
  kind: "simulate";
  seed: number;
  delivery: FittedDelivery & { perDeliveryMs: number };
  /** The simulation at N = 2, summarised exactly as bench:http summarises its samples. */
  check: { instances: 2; measured: { p50Ms: number; p99Ms: number }; simulated: { p50Ms: number; p99Ms: number }; errorPercent: { p50: number; p99: number } };
  timeline: typeof TIMELINE;
  fleets: { instances: number; push: FleetResult; cookie: FleetResult }[];
  /** The drop nobody notices (a hung connection): what the push cache's max age is there for. */
  unnoticedDrop: { instances: number; push: FleetResult };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const errorPercent = (simulated: number, measured: number) => (measured > 0 ? ((simulated - measured) / measured) * 100 : 0);

/** `sizes` and `lighter` (fewer requests per instance, say) let a test run the same code smaller. */
export function runSimulations(lag: MeasuredLag, perDeliveryMicros: number, seed = SIMULATION_SEED, sizes: readonly number[] = FLEET_SIZES, lighter: Partial<FleetScenario> = {}): SimulationReport {
  const delivery = fitDelivery(lag);
  const measured = { delivery: delivery.fit, perDeliveryMs: perDeliveryMicros / 1000 };
  const fleetScenario = (instances: number, cache: "push" | "cookie", from: MeasuredDelivery, at: number) => ({ ...scenarioFor(instances, cache, from, at), ...lighter });
  const fleets = sizes.map((instances) => ({
    instances,
    push: simulateFleet(fleetScenario(instances, "push", measured, seed)),
    cookie: simulateFleet(fleetScenario(instances, "cookie", measured, seed)),
  }));
  const two = fleets.find((fleet) => fleet.instances === 2) ?? { push: simulateFleet(fleetScenario(2, "push", measured, seed)) };
  const benched = { p50Ms: median(lag.events.map((event) => event.p50Ms)), p99Ms: median(lag.events.map((event) => event.p99Ms)) };
  const simulated = { p50Ms: two.push.lag.asBenched.p50Ms, p99Ms: two.push.lag.asBenched.p99Ms };
  const unnoticed = fleetScenario(10, "push", measured, seed);
  return {
    kind: "simulate",
    seed,
    delivery: { ...delivery, perDeliveryMs: measured.perDeliveryMs },
    check: { instances: 2, measured: benched, simulated, errorPercent: { p50: errorPercent(simulated.p50Ms, benched.p50Ms), p99: errorPercent(simulated.p99Ms, benched.p99Ms) } },
    timeline: TIMELINE,
    fleets,
    unnoticedDrop: { instances: 10, push: simulateFleet({ ...unnoticed, drop: { ...unnoticed.drop, noticed: false } }) },
  };
}

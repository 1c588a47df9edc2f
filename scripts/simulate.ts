// `npm run simulate`: N = 2, 10, 100 and 1,000 instances with the push-invalidated check cache
// (and the cookie cache beside it), seeded and deterministic, from the delays the fleet
// measured (docs/bench/http-postgresql-fleet.json) and Redis's cost per subscriber
// (docs/bench/capacity.json). Writes docs/bench/simulation.json and /scale's charts for the
// default inputs as docs/bench/scale-*.svg; see docs/SCALE.md.
//   tsx --import ./scripts/server-only-register.mjs scripts/simulate.ts [--seed 17]
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { BENCH_DIR, loadCapacityInputs } from "../lib/capacity/read-bench.ts";
import { runSimulations } from "../lib/simulation/run.ts";
import { SIMULATION_SEED } from "../lib/simulation/scenarios.ts";
import { writeScaleCharts } from "./scale-charts.tsx";

const { values } = parseArgs({ options: { seed: { type: "string", default: String(SIMULATION_SEED) } } });
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail(`--seed must be a whole number, not "${values.seed}"`);

const { pushLag, costs } = loadCapacityInputs();
if (!pushLag) fail("no fleet revocation lag with SESSION_CACHE=push in docs/bench/http-*-fleet.json: run npm run bench:http -- --fleet first");
const report = runSimulations(pushLag, costs.capacities.redisCpuMicros.perDelivery, seed);

const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US"));
const percent = (value: number) => `${(value * 100).toFixed(value < 0.001 && value > 0 ? 4 : 1)} %`;
console.log(`delivery delay: log-normal, median ${ms(Math.exp(report.delivery.fit.mu))} ms, sigma ${report.delivery.fit.sigma.toFixed(2)} (${report.delivery.from}); ${report.delivery.perDeliveryMs.toFixed(4)} ms per subscriber`);
console.log(`N = 2 against the fleet: p50 ${ms(report.check.simulated.p50Ms)} vs ${ms(report.check.measured.p50Ms)} ms measured (${report.check.errorPercent.p50.toFixed(0)} %), p99 ${ms(report.check.simulated.p99Ms)} vs ${ms(report.check.measured.p99Ms)} ms (${report.check.errorPercent.p99.toFixed(0)} %)\n`);
console.log("     N  cache   lag p50     lag p99   stale answers      hit ratio (model)   reads/s after restart (steady)   events");
for (const fleet of report.fleets) {
  for (const cache of ["push", "cookie"] as const) {
    const result = fleet[cache];
    const lag = `${ms(result.lag.p50Ms)} ms`.padStart(10) + `${ms(result.lag.p99Ms)} ms`.padStart(12);
    const restart = `${result.restart.peakReadsPerSecond} (${Math.round(result.restart.steadyReadsPerSecond)})`;
    console.log(`${String(fleet.instances).padStart(6)}  ${cache.padEnd(6)}${lag}  ${`${result.staleAnswers} (${percent(result.staleShare)})`.padStart(16)}   ${`${percent(result.hitRatio.simulated)} (${percent(result.hitRatio.model)})`.padStart(18)}   ${restart.padStart(28)}   ${result.events.toLocaleString("en-US").padStart(8)}`);
  }
}
const unnoticed = report.unnoticedDrop.push;
console.log(`\nan unnoticed drop at N = ${report.unnoticedDrop.instances}: ${unnoticed.staleAnswers} stale answers (${percent(unnoticed.staleShare)}): the push cache's max age is what bounds them`);
const file = join(BENCH_DIR, "simulation.json");
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${file}; /scale's charts and figures for the default inputs: ${writeScaleCharts().join(", ")}`);

function fail(message: string): never {
  console.error(`simulate: ${message}`);
  process.exit(1);
}

import { AUTH_MODES } from "../auth/modes.ts";
import { formatCount, formatMs } from "../format/units.ts";
import type { SimulationFile } from "../simulation/report-schema.ts";
import type { Costs } from "./costs.ts";
import type { ReaderInputs } from "./inputs.ts";
import type { ModeResult } from "./model.ts";
import { RESULT_ROWS } from "./result-rows.ts";
import type { ModeSaturation } from "./saturation.ts";
import { formatPercent } from "./units.ts";
import { VALIDATION_GOAL_PERCENT, validationSummary, type ValidationRow } from "./validation.ts";

/**
 * The figures docs/SCALE.md keeps between its markers, rebuilt from the committed results by
 * `npm run simulate` (scripts/scale-charts.tsx): the default deployment's outputs, the
 * validation and the simulation, as Markdown tables. Pure.
 */

const cell = (text: string) => text.replaceAll("|", "\\|");

export function resultsMarkdown(inputs: ReaderInputs, results: Record<"session" | "jwt", ModeResult>, saturations: Record<"session" | "jwt", ModeSaturation>): string {
  const lines = [
    `Inputs: ${formatCount(inputs.peakRps)} req/s, ${formatCount(inputs.activeUsers)} active users × ${inputs.sessionsPerUser} sessions, ${formatCount(inputs.instances)} instances, ${formatCount(inputs.revocationsPerMinute)} revocations a minute, SESSION_CACHE=${inputs.sessionCache}, JWT_REVOCATION_CHECK=${inputs.jwtRevocationCheck}, ${formatCount(inputs.accessTokenSeconds)} s access tokens.`,
    "",
    "| per second, at the peak | session | JWT |",
    "|---|---|---|",
    ...RESULT_ROWS.map((row) => `| ${row.label} | ${AUTH_MODES.map((mode) => cell(row.cell(results[mode], saturations[mode]))).join(" | ")} |`),
  ];
  return lines.join("\n");
}

export function validationMarkdown(rows: ValidationRow[]): string {
  const summary = validationSummary(rows);
  return [
    `${summary.within} of ${summary.rows} predictions within ${VALIDATION_GOAL_PERCENT} % (median error ${summary.medianPercent.toFixed(0)} %, worst ${summary.worstPercent.toFixed(0)} %).`,
    "",
    "| run | target | measured req/s | predicted req/s | error | bound |",
    "|---|---|---:|---:|---:|---|",
    ...rows.map((row) => `| ${row.run} | ${cell(row.target)} | ${formatCount(row.measuredRps)} | ${formatCount(row.predictedRps)} | ${row.errorPercent > 0 ? "+" : ""}${row.errorPercent.toFixed(0)} % | ${row.bound} |`),
  ].join("\n");
}

export function simulationMarkdown(simulation: SimulationFile): string {
  const { check } = simulation;
  return [
    `N = 2 against the fleet (bench:http's own statistic, median over events): p50 ${formatMs(check.simulated.p50Ms)} simulated, ${formatMs(check.measured.p50Ms)} measured (${check.errorPercent.p50.toFixed(0)} %); p99 ${formatMs(check.simulated.p99Ms)} simulated, ${formatMs(check.measured.p99Ms)} measured (${check.errorPercent.p99.toFixed(0)} %). Seed ${simulation.seed}.`,
    "",
    "| instances | push lag p50 / p99 | cookie lag p50 / p99 | stale answers, push / cookie | push hit ratio (model) | one instance's reads/s: steady → after a cold restart |",
    "|---:|---|---|---|---|---|",
    ...simulation.fleets.map((fleet) => {
      const { push, cookie } = fleet;
      return `| ${formatCount(fleet.instances)} | ${formatMs(push.lag.p50Ms)} / ${formatMs(push.lag.p99Ms)} | ${formatMs(cookie.lag.p50Ms)} / ${formatMs(cookie.lag.p99Ms)} | ${formatPercent(push.staleShare)} / ${formatPercent(cookie.staleShare)} | ${formatPercent(push.hitRatio.simulated)} (${formatPercent(push.hitRatio.model)}) | ${formatCount(push.restart.steadyReadsPerSecond)} → ${formatCount(push.restart.peakReadsPerSecond)}${push.restart.secondsToSteady === null ? "" : `, steady again after ${push.restart.secondsToSteady} s`} |`;
    }),
    "",
    `A subscription that drops unnoticed (N = ${formatCount(simulation.unnoticedDrop.instances)}): ${formatCount(simulation.unnoticedDrop.push.staleAnswers)} stale answers (${formatPercent(simulation.unnoticedDrop.push.staleShare)}), bounded by the push cache's max age.`,
  ].join("\n");
}

export function machineMarkdown(costs: Costs): string {
  const { machine } = costs;
  return `Capacities measured on ${machine.cores} cores (${machine.cpu}), PostgreSQL ${machine.postgres}, Redis ${machine.redis}, ${machine.measuredAt.slice(0, 10)}${machine.trial ? " — **a trial run on a busy shared machine: rerun `npm run bench:capacity` on a quiet one before relying on these figures**" : ""}; CPU per request profiled on ${machine.profiled.cores} cores (${machine.profiled.cpu}), ${machine.profiled.at.slice(0, 10)}.`;
}

// The results as tables: ratio rows, the terminal table, the README's Markdown. Pure.
import type { Machine as MeasuredMachine } from "./machine.ts";
import { roundTo, type LagSummary, type RoundsSummary } from "./stats.ts";
import type { BenchTarget } from "./targets.ts";

/** What a table needs of the machine (older result files lack some of describeMachine's fields). */
export type Machine = Pick<MeasuredMachine, "cores" | "cpu" | "node" | "next"> & { database: string; fleet?: { instances: number } | null };

export interface MeasuredTarget extends BenchTarget {
  summary?: RoundsSummary | null;
  error?: string;
}

export interface RevocationEvent {
  label: string;
  refusedOnNextRequest: boolean | null;
  lagMs?: number | null;
  lag?: LagSummary | null;
  note?: string;
}

export interface BenchResult {
  machine: Machine;
  settings: { connections: number; durationSeconds: number; rounds: number; short: boolean };
  finishedAt: string;
  targets: MeasuredTarget[];
  revocation?: RevocationEvent[];
}

type RatioRow = MeasuredTarget & { ratio: number | null };

/**
 * Each measured target with its ratio to its baseline's req/s (baselines get 1). A target or
 * baseline that could not be measured gets ratio null, never a made-up number.
 */
export function ratioRows<T extends MeasuredTarget>(targets: T[]): (T & { ratio: number | null })[] {
  const byKey = new Map(targets.map((target) => [target.key, target]));
  return targets.map((target) => {
    const base = target.baseline ? byKey.get(target.baseline) : target;
    const ratio = target.summary && base?.summary ? target.summary.rps / base.summary.rps : null;
    return { ...target, ratio };
  });
}

/** The machine, in one line, to stand next to every figure. */
export function machineLine(machine: Machine): string {
  const fleet = machine.fleet ? `, fleet of ${machine.fleet.instances} behind HAProxy` : ", one server process per configuration";
  return `${machine.cores} cores (${machine.cpu}), ${machine.database}, Node ${machine.node}, Next ${machine.next}${fleet}`;
}

function fixed(value: number | null | undefined, decimals: number): string {
  return value == null ? "—" : roundTo(value, decimals).toFixed(decimals);
}

/** "≥ 0.95 met" / "≥ 0.95 missed by 0.19", on the rounded figures the table shows. */
export function goalCell(goal: number | null | undefined, ratio: number | null): string {
  if (goal == null) return "";
  if (ratio == null) return `≥ ${goal.toFixed(2)}`;
  const shown = roundTo(ratio, 2);
  return shown >= goal ? `≥ ${goal.toFixed(2)} met` : `≥ ${goal.toFixed(2)} missed by ${(goal - shown).toFixed(2)}`;
}

/** Whole req/s, 0.1 ms latencies, two-decimal ratios: what the noise of a loopback run allows. */
function cells(row: RatioRow): string[] {
  const s = row.summary;
  return [
    row.label,
    s ? String(Math.round(s.rps)) : row.error ? "failed" : "—",
    s ? fixed(s.p50Ms, 1) : "—",
    s ? fixed(s.p99Ms, 1) : "—",
    row.baseline ? fixed(row.ratio, 2) : "1 (baseline)",
    goalCell(row.goal, row.ratio),
  ];
}

const HEADER = ["target", "req/s", "p50 ms", "p99 ms", "ratio", "goal"];

export function terminalTable(rows: RatioRow[]): string {
  const table = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, column) => Math.max(...table.map((line) => (line[column] ?? "").length)));
  return table.map((line) => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ")).join("\n");
}

export function revocationLines(events: RevocationEvent[]): string[] {
  return events.map((event) => {
    const refused = event.refusedOnNextRequest == null ? "n/a" : event.refusedOnNextRequest ? "yes" : "no";
    const never = event.lag?.neverRefused ? `${event.lag.neverRefused} never refused within 5 s` : "";
    const lag = !event.lag
      ? ""
      : event.lag.samples === 0
        ? `; other instance: ${never}`
        : `; other instance refused after p50 ${fixed(event.lag.p50Ms, 1)} ms, p99 ${fixed(event.lag.p99Ms, 1)} ms (${event.lag.samples} samples${never ? `, ${never}` : ""})`;
    const single = event.lagMs === 0 ? "; lag 0 ms (one process)" : "";
    const note = event.note ? ` — ${event.note}` : "";
    return `${event.label}: refused on the next request: ${refused}${single}${lag}${note}`;
  });
}

/** One result file as a README section (a heading, the machine, the table, the revocation lines). */
export function markdownSection(result: BenchResult): string {
  const rows = ratioRows(result.targets);
  const title = `${result.machine.database}${result.machine.fleet ? ", fleet" : ""}`;
  const lines = [
    `#### ${title}${result.settings.short ? " — SHORT TRIAL RUN, figures not meaningful" : ""}`,
    "",
    `Machine: ${machineLine(result.machine)}. wrk, ${result.settings.connections} connections, ${result.settings.durationSeconds} s per target, ${result.settings.rounds} interleaved rounds, medians; ${result.finishedAt.slice(0, 10)}.`,
    "",
    `| ${HEADER.join(" | ")} |`,
    `|${HEADER.map((_, index) => (index === 0 ? "---" : "---:")).join("|")}|`,
    ...rows.map((row) => `| ${cells(row).join(" | ")} |`),
    "",
    ...revocationLines(result.revocation ?? []).map((line) => `- ${line}`),
  ];
  return lines.join("\n").trimEnd();
}

export const README_START = "<!-- bench:http:start -->";
export const README_END = "<!-- bench:http:end -->";

/** Rewrites only what lies between the markers; refuses if they are missing or out of order. */
export function replaceBetweenMarkers(text: string, body: string): string {
  const start = text.indexOf(README_START);
  const end = text.indexOf(README_END);
  if (start < 0 || end < 0 || end < start) throw new Error(`README markers ${README_START} … ${README_END} not found`);
  return `${text.slice(0, start + README_START.length)}\n${body}\n${text.slice(end)}`;
}

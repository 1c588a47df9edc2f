/** Types for report.mjs. */
import type { BenchTarget } from "./targets.mjs";
export interface Machine {
  cores: number;
  cpu: string;
  database: string;
  node: string;
  next: string;
  fleet?: { instances: number } | null;
}
export interface MeasuredTarget extends BenchTarget {
  summary?: { rps: number; p50Ms: number; p99Ms: number; rounds: number } | null;
  error?: string;
}
export interface RevocationEvent {
  label: string;
  refusedOnNextRequest: boolean | null;
  lagMs?: number | null;
  lag?: { p50Ms: number | null; p99Ms: number | null; samples: number; neverRefused?: number } | null;
  note?: string;
}
export interface BenchResult {
  machine: Machine;
  settings: { connections: number; durationSeconds: number; rounds: number; short: boolean };
  finishedAt: string;
  targets: MeasuredTarget[];
  revocation?: RevocationEvent[];
}
export function ratioRows<T extends MeasuredTarget>(targets: T[]): (T & { ratio: number | null })[];
export function machineLine(machine: Machine): string;
export function terminalTable(rows: (MeasuredTarget & { ratio: number | null })[]): string;
export function revocationLines(events: RevocationEvent[]): string[];
export function markdownSection(result: BenchResult): string;
export const README_START: string;
export const README_END: string;
export function replaceBetweenMarkers(text: string, body: string): string;
export function goalCell(goal: number | null | undefined, ratio: number | null): string;

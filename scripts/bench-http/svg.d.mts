/** Types for svg.mjs. */
export function escapeXml(text: string): string;
export function renderRatioChart(chart: { title: string; subtitle: string; machine: string; rows: { label: string; ratio: number | null; kind: "api" | "page"; goal?: number | null }[] }): string;
export function ticks(max: number): number[];
export function wrapText(text: string, maxChars: number): string[];

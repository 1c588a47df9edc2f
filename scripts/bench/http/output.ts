// Where the results go: JSON and an SVG chart in docs/bench/, and docs/PERFORMANCE.md's table
// between its markers, rebuilt from every docs/bench/http-*.json so SQLite, PostgreSQL and fleet
// runs each keep their own section.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { machineLine, markdownSection, ratioRows, replaceBetweenMarkers, type BenchResult } from "./report.ts";
import { renderRatioChart } from "./svg.ts";

const DIR = "docs/bench";

export function resultName(result: BenchResult): string {
  return `http-${result.machine.database.toLowerCase()}${result.machine.fleet ? "-fleet" : ""}`;
}

/** The page the generated section lives in; chart links are relative to it (docs/). */
export const PERFORMANCE_PAGE = "docs/PERFORMANCE.md";

export function writeOutputs(result: BenchResult, { page = PERFORMANCE_PAGE }: { page?: string } = {}): { jsonFile: string; svgFile: string } {
  mkdirSync(DIR, { recursive: true });
  const name = resultName(result);
  const jsonFile = join(DIR, `${name}.json`);
  writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  const svgFile = join(DIR, `${name}.svg`);
  const rows = ratioRows(result.targets).filter((row) => row.baseline !== null);
  const short = result.settings.short ? " — SHORT TRIAL RUN, not meaningful" : "";
  writeFileSync(
    svgFile,
    renderRatioChart({
      title: `Auth cost per request, ${result.machine.database}${result.machine.fleet ? " fleet" : ""}${short}`,
      subtitle: `req/s relative to the same request without auth (API routes vs /api/bench/baseline, dashboards vs /bench); higher is better`,
      machine: `${machineLine(result.machine)}; wrk ${result.settings.connections} connections, ${result.settings.durationSeconds} s × ${result.settings.rounds} rounds, medians`,
      rows: rows.map((row) => ({ label: row.label, ratio: row.ratio, kind: row.kind, goal: row.goal ?? null })),
    }),
  );
  const sections = readdirSync(DIR)
    .filter((file) => /^http-.*\.json$/.test(file))
    .sort()
    .map((file) => JSON.parse(readFileSync(join(DIR, file), "utf8")) as BenchResult)
    .map((saved) => `${markdownSection(saved)}\n\n![${resultName(saved)} chart](bench/${resultName(saved)}.svg)`);
  writeFileSync(page, replaceBetweenMarkers(readFileSync(page, "utf8"), sections.join("\n\n")));
  return { jsonFile, svgFile };
}

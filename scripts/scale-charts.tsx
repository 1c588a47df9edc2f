// /scale's charts for the default inputs, as standalone SVG files in docs/bench/ for
// docs/SCALE.md — the same props (app/scale/chart-props.ts) and drawing (LogLogBody) as the
// page, so the pictures in the docs are the page's — and the figures between docs/SCALE.md's
// markers. Run by `npm run simulate` after it writes simulation.json; on its own:
// tsx --import ./scripts/server-only-register.mjs scripts/scale-charts.tsx
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { lagChartProps, loadChartProps, restartChartProps } from "../app/scale/chart-props.ts";
import { COLOUR, layoutOf, LogLogBody, type LineSeries, type LogLogChartProps } from "../app/scale/charts/LogLogChart.tsx";
import { DEFAULT_INPUTS } from "../lib/capacity/inputs.ts";
import { modelBothModes } from "../lib/capacity/model.ts";
import { BENCH_DIR, loadCapacityInputs } from "../lib/capacity/read-bench.ts";
import { saturationsOf } from "../lib/capacity/saturation.ts";
import { machineMarkdown, resultsMarkdown, simulationMarkdown, validationMarkdown } from "../lib/capacity/summary-markdown.ts";
import { sweepModel } from "../lib/capacity/sweep.ts";
import { validateAgainstBench } from "../lib/capacity/validation.ts";

const DOC = "docs/SCALE.md";
const START = "<!-- scale:figures:start -->";
const END = "<!-- scale:figures:end -->";

/** Wider than the page's charts: a file is read on a laptop, not a phone. */
const WIDTH = 520;

function standalone(chart: LogLogChartProps): string {
  // A file is drawn at its own size: 12-unit type is 12 px.
  const props = { ...chart, fontSize: 12 };
  const layout = layoutOf(props, WIDTH);
  const svg = renderToStaticMarkup(
    <svg xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${WIDTH} ${Math.ceil(layout.height) + 44}`} width={WIDTH} fontSize={12} fontFamily="system-ui, sans-serif">
      <rect width="100%" height="100%" fill="white" />
      <title>{props.title}</title>
      <desc>{props.description}</desc>
      <text x={0} y={14} fontSize={14} fontWeight={600}>
        {props.title}
      </text>
      <g transform="translate(0 22)">
        <LogLogBody props={props} layout={layout} />
      </g>
      <text x={0} y={Math.ceil(layout.height) + 38}>
        {props.series.map((line: LineSeries) => (
          <tspan key={line.label} fill={COLOUR[line.tone]}>
            {`${line.dashed ? "- -" : "—"} ${line.label}   `}
          </tspan>
        ))}
      </text>
    </svg>,
  );
  return `${svg}\n`;
}

export function writeScaleCharts(): string[] {
  const { costs, pushLag, simulation, files } = loadCapacityInputs();
  const inputs = DEFAULT_INPUTS;
  const pushP99 = pushLag?.p99Ms ?? null;
  const results = modelBothModes(inputs, costs, pushP99);
  const saturations = { session: saturationsOf(results.session, inputs, costs), jwt: saturationsOf(results.jwt, inputs, costs) };
  const charts = loadChartProps(sweepModel(inputs, costs, pushP99), saturations).flatMap((chart) => (chart.props ? [{ file: `scale-${chart.key}.svg`, props: chart.props }] : []));
  if (simulation) charts.push({ file: "scale-lag.svg", props: lagChartProps(simulation) }, { file: "scale-restart.svg", props: restartChartProps(simulation) });
  for (const chart of charts) writeFileSync(join(BENCH_DIR, chart.file), standalone(chart.props));
  const figures = [
    machineMarkdown(costs),
    "#### What each mode asks for, at the default inputs",
    resultsMarkdown(inputs, results, saturations),
    "#### The model beside bench:http",
    validationMarkdown(validateAgainstBench(files, costs)),
    ...(simulation ? ["#### The simulation", simulationMarkdown(simulation)] : []),
  ].join("\n\n");
  const doc = readFileSync(DOC, "utf8");
  const [start, end] = [doc.indexOf(START), doc.indexOf(END)];
  if (start < 0 || end < start) throw new Error(`${DOC} has no ${START} … ${END} markers`);
  writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n${figures}\n${doc.slice(end)}`);
  return [...charts.map((chart) => `docs/bench/${chart.file}`), DOC];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`wrote ${writeScaleCharts().join(", ")}`);
}

import { LogLogChart } from "./charts/LogLogChart";
import type { LoadChart } from "./chart-props";

/**
 * Each resource against load, both modes, 1,000 to 1,000,000 req/s on a log axis; a dashed
 * line where each mode's first component fills up (past it, the line is what the load would
 * ask of a component that no longer has it).
 */
export function LoadCharts({ charts }: { charts: LoadChart[] }): React.ReactNode {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {charts.map((chart) =>
        chart.props ? (
          <LogLogChart key={chart.key} {...chart.props} />
        ) : (
          <figure key={chart.key} className="rounded-xl border border-slate-200 bg-white p-4">
            <figcaption className="text-sm font-semibold">{chart.label}</figcaption>
            <p className="mt-3 text-sm text-slate-700">None in either mode with these inputs, at any load.</p>
          </figure>
        ),
      )}
    </div>
  );
}

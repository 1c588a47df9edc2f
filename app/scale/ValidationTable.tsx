import { VALIDATION_GOAL_PERCENT, validationSummary, type ValidationRow } from "@/lib/capacity/validation";
import { formatCount } from "@/lib/format/units";

/** On a phone the header row is hidden, so each figure names its column itself. */
function Label({ children }: { children: string }) {
  return <span className="mr-1 text-xs font-normal text-slate-500 md:hidden">{children}:</span>;
}

/** The model's predictions beside what bench:http measured, with the error in percent. */

export function ValidationTable({ rows }: { rows: ValidationRow[] }): React.ReactNode {
  const summary = validationSummary(rows);
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {summary.within} of {summary.rows} predictions within {VALIDATION_GOAL_PERCENT} % (median error {summary.medianPercent.toFixed(0)} %, worst {summary.worstPercent.toFixed(0)} %).
      </p>
      <div className="max-h-[32rem] overflow-auto rounded-xl border border-slate-200 bg-white">
        {/* Below md each row is a card (labelled figures in two columns): five columns at 390 px
            sat behind a sideways scroll. */}
        <table className="block w-full text-left text-sm md:table">
          <caption className="px-4 pt-3 text-left text-xs text-slate-500">Throughput in req/s; database queries per second as the model predicts them (bench:http does not count them).</caption>
          <thead className="hidden md:table-header-group">
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-3 py-2 font-medium">Run and target</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Measured</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Predicted</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Error</th>
              <th scope="col" className="px-3 py-2 text-right font-medium">Queries/s</th>
            </tr>
          </thead>
          <tbody className="block md:table-row-group">
            {rows.map((row) => {
              const off = Math.abs(row.errorPercent) > VALIDATION_GOAL_PERCENT;
              return (
                <tr key={`${row.run}-${row.target}`} className="grid grid-cols-2 border-b border-slate-100 align-top last:border-0 md:table-row">
                  <th scope="row" className="col-span-2 px-3 py-2 font-normal [overflow-wrap:anywhere]">
                    {row.target}
                    <span className="block text-xs text-slate-500">
                      {row.run}; bound: {row.bound}
                    </span>
                  </th>
                  <td className="px-3 py-1 tabular-nums md:py-2 md:text-right">
                    <Label>Measured</Label>
                    {formatCount(row.measuredRps)}
                  </td>
                  <td className="px-3 py-1 tabular-nums md:py-2 md:text-right">
                    <Label>Predicted</Label>
                    {formatCount(row.predictedRps)}
                  </td>
                  <td className={`px-3 py-1 tabular-nums md:py-2 md:text-right ${off ? "font-semibold text-amber-700" : ""}`}>
                    <Label>Error</Label>
                    {row.errorPercent > 0 ? "+" : ""}
                    {row.errorPercent.toFixed(0)} %
                  </td>
                  <td className="px-3 py-1 tabular-nums md:py-2 md:text-right">
                    <Label>Queries/s</Label>
                    {formatCount(row.predictedDbQueriesPerSecond)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

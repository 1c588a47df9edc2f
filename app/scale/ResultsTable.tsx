import type { AuthMode } from "@/lib/auth/modes";
import type { ModeResult } from "@/lib/capacity/model";
import { RESULT_ROWS } from "@/lib/capacity/result-rows";
import type { ModeSaturation } from "@/lib/capacity/saturation";

/** Per mode, what the reader's deployment asks of each component: one row per output of the model. */

const MODES: { mode: AuthMode; label: string }[] = [
  { mode: "session", label: "Session" },
  { mode: "jwt", label: "JWT" },
];

export function ResultsTable({ results, saturations }: { results: Record<AuthMode, ModeResult>; saturations: Record<AuthMode, ModeSaturation> }): React.ReactNode {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-3 text-left text-xs text-slate-500">Each mode alone carrying all of the load you entered.</caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 sm:px-4 font-medium">
              Per second, at your peak
            </th>
            {MODES.map(({ mode, label }) => (
              <th key={mode} scope="col" className="px-3 py-2 sm:px-4 font-medium">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {RESULT_ROWS.map((row) => (
            <tr key={row.label} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="px-3 py-2 sm:px-4 font-medium">
                {row.label}
                {row.hint ? <span className="block text-xs font-normal text-slate-500">{row.hint}</span> : null}
              </th>
              {MODES.map(({ mode }) => (
                <td key={mode} className="px-3 py-2 sm:px-4 tabular-nums">
                  {row.cell(results[mode], saturations[mode])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

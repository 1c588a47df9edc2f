import { ModeBadge } from "@/app/components/ModeBadge";
import { AUTH_MODES } from "@/lib/auth/types";
import type { CompareRow } from "./compare-row";

/** The classic comparison table, each cell carrying its own evidence. */
export function CompareTable({ rows }: { rows: CompareRow[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className="w-1/4 px-4 py-3 font-medium text-slate-500">
              Compared
            </th>
            {AUTH_MODES.map((mode) => (
              <th key={mode} scope="col" className="px-4 py-3">
                <ModeBadge mode={mode} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className="px-4 py-3 font-medium">
                {row.label}
                <span className="mt-1 block text-xs font-normal text-slate-500">{row.hint}</span>
              </th>
              {AUTH_MODES.map((mode) => (
                <td key={mode} className="px-4 py-3">
                  {row.cells[mode]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

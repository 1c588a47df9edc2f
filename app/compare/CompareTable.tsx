import { ModeBadge } from "@/app/components/ModeBadge";
import { AUTH_MODES } from "@/lib/auth/types";
import type { CompareRow } from "./compare-row";

/**
 * The classic comparison table, each cell carrying its own evidence. Below md each row becomes
 * a card: what is compared across the top, then both modes side by side in two columns, so a
 * phone keeps the comparison in view instead of stacking one mode's answer under the other's.
 */
export function CompareTable({ rows }: { rows: CompareRow[] }): React.ReactNode {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="block w-full text-left text-sm md:table">
        <thead className="hidden border-b border-slate-200 bg-slate-50 md:table-header-group">
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
        <tbody className="block divide-y divide-slate-100 align-top md:table-row-group">
          {rows.map((row) => (
            <tr key={row.id} id={row.id} className="grid scroll-mt-4 grid-cols-2 md:table-row">
              <th scope="row" className="col-span-2 block px-3 pt-3 font-medium md:table-cell md:px-4 md:py-3">
                {row.label}
                <span className="mt-1 block text-xs font-normal text-slate-500">{row.hint}</span>
              </th>
              {AUTH_MODES.map((mode) => (
                <td key={mode} className="block min-w-0 px-3 py-3 [overflow-wrap:anywhere] md:table-cell md:px-4">
                  <span className="mb-1 block md:hidden">
                    <ModeBadge mode={mode} />
                  </span>
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

import { LocalTime } from "@/app/components/LocalTime";
import type { PeersBench } from "@/lib/metrics/peers-bench";
import { formatRatio } from "@/lib/format/units";
import { Figure } from "./Figure";

/**
 * docs/bench/peers.json: ours and Better Auth's and Auth.js's configurations, measured in one
 * interleaved sitting, so their req/s compare with each other (not with the blocks above, run on
 * another day). A card per row below md, like the tables above it.
 */
export function PeersTable({ bench, id }: { bench: PeersBench; id: string }): React.ReactNode {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="font-semibold">
        Against the peers, in one sitting (npm run bench:peers)
      </h3>
      <p className="text-xs text-slate-500">
        {bench.where}, <LocalTime at={bench.finishedAt} />
        {bench.trial ? <strong className="text-amber-700"> — a short trial run, not meaningful</strong> : null}. {bench.versions}. Each app&apos;s ratio is
        against its own uncredentialed route; a signed-out credential is a copy taken before sign-out, replayed after it.
      </p>
      <div className="rounded-xl border border-slate-200 bg-white">
        <table className="block w-full text-left text-sm md:table md:table-fixed">
          <thead className="hidden border-b border-slate-200 bg-slate-50 text-slate-500 md:table-header-group">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium md:w-[40%]">App, configuration</th>
              <th scope="col" className="px-3 py-2 font-medium md:w-[20%]">/me</th>
              <th scope="col" className="px-3 py-2 font-medium">A signed-out credential</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 align-top md:table-row-group">
            {bench.rows.map((row) => (
              <tr key={row.key} className={`grid grid-cols-2 md:table-row ${row.ours ? "bg-slate-50" : ""}`}>
                <th scope="row" className="col-span-2 block px-3 pt-3 text-left font-medium [overflow-wrap:anywhere] md:table-cell md:py-3">
                  {row.label}
                </th>
                {row.error ? (
                  <td colSpan={2} className="col-span-2 block px-3 pb-3 text-xs text-slate-500 [overflow-wrap:anywhere] md:table-cell md:py-3">
                    {row.error}
                  </td>
                ) : (
                  <>
                    <td className="block min-w-0 px-3 py-2 md:table-cell md:py-3">
                      <Figure value={row.authRps} /> <span className="text-xs text-slate-500">req/s</span>
                      {row.ratio !== null ? (
                        <span className="block text-xs text-slate-500">
                          <span className="font-mono tabular-nums">{formatRatio(row.ratio)}</span> of its no-auth route
                        </span>
                      ) : null}
                    </td>
                    <td className={`block min-w-0 px-3 py-2 [overflow-wrap:anywhere] md:table-cell md:py-3 ${row.refused ? "text-emerald-700" : "text-amber-700"}`}>
                      {row.signedOut ?? <span className="text-slate-400">—</span>}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

import { LocalTime } from "@/app/components/LocalTime";
import type { ConfigurationRow, DefaultFirstBench, RevocationSummary, Throughput } from "@/lib/metrics/default-first-bench";
import { formatCount, formatRatio } from "@/lib/format/units";
import { Figure } from "./Figure";

/**
 * One committed bench:http run: the default configuration's row first, then each alternative.
 * Below md each row becomes a card (the three /me figures side by side, the revocation outcome
 * under them), as CompareTable does, so a phone never scrolls a five-column table sideways.
 */

const COLUMNS = [
  ["session", "session /me"],
  ["jwtCookie", "JWT cookie /me"],
  ["jwtBearer", "JWT Bearer /me"],
] as const;

/** What runs this kind of machine by default: the command a reader would type. */
export function blockTitle(bench: Pick<DefaultFirstBench, "database" | "fleetInstances">): string {
  if (bench.fleetInstances) return `${bench.database}, fleet of ${bench.fleetInstances} (npm run fleet)`;
  return bench.database === "SQLite" ? "SQLite, one process (npm start)" : `${bench.database}, one process (npm start, no REDIS_URL)`;
}

function referenceSentence({ reference }: DefaultFirstBench): string {
  if (!reference) return "This run measured no reference route: no ratios.";
  const rps = `${formatCount(reference.rps)} req/s`;
  return reference.kind === "floor"
    ? `Ratio: req/s ÷ the framework's floor, a bare route handler (${reference.path}, ${rps}).`
    : `Ratio: req/s ÷ our own uncredentialed route (${reference.path}, ${rps}); this run predates the floor (/api/bench/floor).`;
}

function ThroughputCell({ value, reference }: { value: Throughput | null; reference: string }): React.ReactNode {
  if (!value) return <span className="text-slate-400">—</span>;
  return (
    <>
      <Figure value={value.rps} /> <span className="text-xs text-slate-500">req/s</span>
      {value.ratio !== null ? (
        <span className="block text-xs text-slate-500">
          <span className="font-mono tabular-nums">{formatRatio(value.ratio)}</span> of {reference}
        </span>
      ) : null}
    </>
  );
}

function Outcome({ mode, summary, showDetail }: { mode: string; summary: RevocationSummary | null; showDetail: boolean }): React.ReactNode {
  if (!summary) return null;
  return (
    <span className="block">
      <span className="text-slate-500">{mode}: </span>
      <span className={summary.refused ? "text-emerald-700" : "text-amber-700"}>{summary.text}</span>
      {showDetail && summary.detail ? <span className="block text-xs text-slate-500">{summary.detail}</span> : null}
    </span>
  );
}

function Outcomes({ row }: { row: ConfigurationRow }): React.ReactNode {
  const { session, jwt } = row.revocation;
  // The same reason under both modes (SESSION_CACHE=cookie's) is said once, after the second.
  const sameDetail = session?.detail != null && session.detail === jwt?.detail;
  return (
    <>
      <Outcome mode="session" summary={session} showDetail={!sameDetail} />
      <Outcome mode="JWT" summary={jwt} showDetail />
    </>
  );
}

function RowLabel({ row }: { row: ConfigurationRow }): React.ReactNode {
  if (!row.isDefault) return <span className="font-mono text-xs [overflow-wrap:anywhere]">{row.differs.join(" · ")}</span>;
  return (
    <>
      <span className="rounded bg-slate-900 px-1.5 py-0.5 text-xs font-semibold text-white">default</span>
      <span className="mt-1 block font-mono text-xs font-normal text-slate-500 [overflow-wrap:anywhere]">
        SESSION_CACHE={row.cache} · JWT_REVOCATION_CHECK={row.check} · JWT_ALG={row.alg}
      </span>
    </>
  );
}

export function DefaultFirstTable({ bench, id }: { bench: DefaultFirstBench; id: string }): React.ReactNode {
  const reference = bench.reference?.kind === "floor" ? "floor" : "no-auth route";
  const defaultMeasured = bench.rows[0]?.isDefault === true;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="font-semibold">
        {blockTitle(bench)}
      </h3>
      <p className="text-xs text-slate-500">
        {bench.where}, <LocalTime at={bench.finishedAt} />
        {bench.trial ? <strong className="text-amber-700"> — a short trial run, not meaningful</strong> : null}. {referenceSentence(bench)}
        {defaultMeasured ? null : <strong className="text-amber-700"> This run did not measure the default configuration.</strong>}
      </p>
      <div className="rounded-xl border border-slate-200 bg-white">
        <table className="block w-full text-left text-sm md:table md:table-fixed">
          <thead className="hidden border-b border-slate-200 bg-slate-50 text-slate-500 md:table-header-group">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium md:w-[26%]">Configuration</th>
              {COLUMNS.map(([key, label]) => (
                <th key={key} scope="col" className="px-3 py-2 font-medium md:w-[13%]">{label}</th>
              ))}
              <th scope="col" className="px-3 py-2 font-medium">After a logout, password change or admin disable</th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-slate-100 align-top md:table-row-group">
            {bench.rows.map((row) => (
              <tr key={row.key} className={`grid grid-cols-3 md:table-row ${row.isDefault ? "bg-emerald-50/60" : ""}`}>
                <th scope="row" className="col-span-3 block px-3 pt-3 text-left font-medium md:table-cell md:py-3">
                  <RowLabel row={row} />
                </th>
                {COLUMNS.map(([key, label]) => (
                  <td key={key} className="block min-w-0 px-3 py-2 md:table-cell md:py-3">
                    <span className="block text-xs text-slate-500 md:hidden">{label}</span>
                    <ThroughputCell value={row[key]} reference={reference} />
                  </td>
                ))}
                <td className="col-span-3 block min-w-0 px-3 pb-3 [overflow-wrap:anywhere] md:table-cell md:py-3">
                  <Outcomes row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

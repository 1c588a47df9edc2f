import { formatPercent, formatRate } from "@/lib/capacity/units";
import { formatCount, formatMs } from "@/lib/format/units";
import type { SimulationFile } from "@/lib/simulation/report-schema";
import { lagChartProps, restartChartProps } from "./chart-props";
import { LogLogChart } from "./charts/LogLogChart";

/** `npm run simulate`'s results: lag against fleet size, reads after a cold restart, staleness. */

export function SimulationSection({ simulation }: { simulation: SimulationFile }): React.ReactNode {
  const { fleets, check } = simulation;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        At N = 2 the simulation gives p50 {formatMs(check.simulated.p50Ms)} and p99 {formatMs(check.simulated.p99Ms)}, summarised as bench:http summarises its samples; the fleet measured p50 {formatMs(check.measured.p50Ms)} and p99 {formatMs(check.measured.p99Ms)} ({check.errorPercent.p50.toFixed(0)} % and {check.errorPercent.p99.toFixed(0)} %). The delays are fitted there ({simulation.delivery.from}), so this checks the simulation&apos;s mechanics, not new physics.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <LogLogChart {...lagChartProps(simulation)} />
        <LogLogChart {...restartChartProps(simulation)} />
      </div>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="px-4 pt-3 text-left text-xs text-slate-500">
            Requests answered from a stale entry: an ended login replayed while a cache could still answer for it. Seed {simulation.seed}; same seed, same figures.
          </caption>
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">Instances</th>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">push: stale</th>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">cookie: stale</th>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">push hit ratio (model)</th>
              <th scope="col" className="px-2 py-2 sm:px-3 font-medium">DB reads/s, fleet</th>
            </tr>
          </thead>
          <tbody>
            {fleets.map((fleet) => (
              <tr key={fleet.instances} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="px-2 py-2 sm:px-3 font-normal tabular-nums">
                  {formatCount(fleet.instances)}
                </th>
                <td className="px-2 py-2 sm:px-3 tabular-nums">
                  {formatCount(fleet.push.staleAnswers)} ({formatPercent(fleet.push.staleShare)})
                </td>
                <td className="px-2 py-2 sm:px-3 tabular-nums">
                  {formatCount(fleet.cookie.staleAnswers)} ({formatPercent(fleet.cookie.staleShare)})
                </td>
                <td className="px-2 py-2 sm:px-3 tabular-nums">
                  {formatPercent(fleet.push.hitRatio.simulated)} ({formatPercent(fleet.push.hitRatio.model)})
                </td>
                <td className="px-2 py-2 sm:px-3 tabular-nums">{formatRate(fleet.push.dbReadsPerSecondFleet)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-slate-700">
        A subscription that drops and is noticed (the connection closes) costs reads, not correctness: that instance bypasses its cache until it is back. One that hangs unnoticed is what the push cache&apos;s 60 s max age is for: in the simulation at N = {formatCount(simulation.unnoticedDrop.instances)} it let {formatCount(simulation.unnoticedDrop.push.staleAnswers)} stale answers through ({formatPercent(simulation.unnoticedDrop.push.staleShare)}).
      </p>
    </div>
  );
}

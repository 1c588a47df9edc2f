import { LocalTime } from "@/app/components/LocalTime";
import { getConfig } from "@/lib/env";
import { committedCacheBenches } from "@/lib/metrics/bench-results";
import type { CacheFigures } from "@/lib/metrics/session-cache-bench";

/**
 * SESSION_CACHE's three answers side by side — cost and revocation — as `npm run bench:http`
 * measured them. One server runs one cache, so this cannot be live: it shows the results
 * committed in docs/bench (SQLite, PostgreSQL, a fleet), and says which cache this server runs.
 */

const EVENTS = ["logout", "device revocation", "password change", "admin disable"];

function RevocationCell({ figures, event }: { figures: CacheFigures; event: string }) {
  const outcome = figures.revocations.find((r) => r.event === event);
  if (!outcome) return <span className="text-slate-400">—</span>;
  if (!outcome.refusedOnNextRequest) {
    return (
      <span className="text-amber-700">
        still accepted
        {outcome.note ? <span className="block text-xs">{outcome.note}</span> : null}
      </span>
    );
  }
  const never = outcome.otherInstanceNeverRefused;
  return (
    <span className="text-emerald-700">
      refused next request
      {outcome.otherInstanceP99Ms !== null ? <span className="block text-xs text-slate-500">other instance: p99 {outcome.otherInstanceP99Ms.toFixed(1)} ms</span> : null}
      {never > 0 ? <span className="block text-xs text-amber-700">other instance: {never} never refused while polled</span> : null}
    </span>
  );
}

export async function SessionCacheBench() {
  const benches = await committedCacheBenches();
  const running = getConfig().SESSION_CACHE;
  return (
    <section aria-labelledby="session-cache" className="space-y-3">
      <h2 id="session-cache" className="text-xl font-semibold">
        Caching the session check: what each choice costs and gives up
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">
        <code className="font-mono">SESSION_CACHE=push</code>, the default, keeps verified rows in the process and evicts them everywhere when a
        login ends; <code className="font-mono">off</code> reads the session row on every request; <code className="font-mono">cookie</code> trusts a signed
        check cookie for a while, as Better Auth&apos;s cookie cache does. This server runs <code className="font-mono">{running}</code>. One
        server runs one choice, so these figures are not live: they are <code className="font-mono">npm run bench:http</code>&apos;s, committed
        in <code className="font-mono">docs/bench/</code> (throughput of session <code className="font-mono">/me</code> against the same route
        without auth; higher is cheaper).
      </p>
      {benches.length === 0 ? (
        <p className="text-sm text-slate-500">No bench results in docs/bench/ yet: run <code className="font-mono">npm run bench:http</code>.</p>
      ) : (
        benches.map(({ file, bench }) => (
          <div key={file} className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="px-4 pt-3 text-left text-xs text-slate-500">
                {bench.where}, <LocalTime at={bench.finishedAt} />
                {bench.trial ? " — a short trial run, not meaningful" : ""}
              </caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="px-4 py-2 font-medium">SESSION_CACHE</th>
                  <th scope="col" className="px-4 py-2 font-medium">session /me ÷ no auth</th>
                  {EVENTS.map((event) => (
                    <th key={event} scope="col" className="px-4 py-2 font-medium">
                      after {event}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {bench.caches.map((figures) => (
                  <tr key={figures.cache} className="border-b border-slate-100 last:border-0">
                    <th scope="row" className="px-4 py-2 font-mono font-normal">
                      {figures.cache}
                    </th>
                    <td className="px-4 py-2 tabular-nums">{figures.ratio === null ? "—" : figures.ratio.toFixed(2)}</td>
                    {EVENTS.map((event) => (
                      <td key={event} className="px-4 py-2">
                        <RevocationCell figures={figures} event={event} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}

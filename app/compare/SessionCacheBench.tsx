import { LocalTime } from "@/app/components/LocalTime";
import { getConfig } from "@/lib/env";
import { committedCacheBenches } from "@/lib/metrics/bench-results";
import type { CacheFigures } from "@/lib/metrics/session-cache-bench";
import { formatCount, formatMs, formatRatio } from "@/lib/format/units";
import { Command } from "@/app/components/Command";

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
      {outcome.otherInstanceP99Ms !== null ? <span className="block text-xs text-slate-500">other instance: p99 {formatMs(outcome.otherInstanceP99Ms)}</span> : null}
      {never > 0 ? <span className="block text-xs text-amber-700">other instance: {formatCount(never)} never refused while polled</span> : null}
    </span>
  );
}

export async function SessionCacheBench(): Promise<React.ReactNode> {
  const benches = await committedCacheBenches();
  const running = getConfig().SESSION_CACHE;
  return (
    <section aria-labelledby="session-cache" className="space-y-3">
      <h2 id="session-cache" className="text-xl font-semibold">
        Caching the session check: what each choice costs and gives up
      </h2>
      <p className="max-w-3xl text-sm text-slate-600">
        <code className="font-mono">SESSION_CACHE=push</code>, the default on SQLite and wherever REDIS_URL is set, keeps verified rows in the process and evicts them everywhere when a
        login ends; <code className="font-mono">off</code> reads the session row on every request; <code className="font-mono">cookie</code> trusts a signed
        check cookie for a while, as Better Auth&apos;s cookie cache does. This server runs <code className="font-mono">{running}</code>. One
        server runs one choice, so these figures are not live: they are <Command inline command="npm run bench:http" />&apos;s, committed
        in <code className="font-mono">docs/bench/</code> (throughput of session <code className="font-mono">/me</code> against the same route
        without auth; higher is cheaper).
      </p>
      {benches.length === 0 ? (
        <p className="text-sm text-slate-500">No bench results in docs/bench/ yet: run <Command inline command="npm run bench:http" />.</p>
      ) : (
        benches.map(({ file, bench }) => (
          // One card per cache rather than a six-column table: a table that wide hid "after admin
          // disable" behind a sideways scroll at 1280 px, and every event column on a phone.
          <div key={file} className="rounded-xl border border-slate-200 bg-white p-4">
            <p className="text-xs text-slate-500">
              {bench.where}, <LocalTime at={bench.finishedAt} />
              {bench.trial ? " — a short trial run, not meaningful" : ""}
            </p>
            <ul className="mt-3 grid gap-3 md:grid-cols-3">
              {bench.caches.map((figures) => (
                <li key={figures.cache} aria-label={`SESSION_CACHE=${figures.cache}`} className="min-w-0 rounded-lg border border-slate-100 p-3">
                  <p className="font-mono text-sm font-medium">SESSION_CACHE={figures.cache}</p>
                  <p className="mt-1 text-sm">
                    session /me ÷ no auth: <strong className="tabular-nums">{figures.ratio === null ? "—" : formatRatio(figures.ratio)}</strong>
                  </p>
                  <dl className="mt-2 space-y-1 text-sm">
                    {EVENTS.map((event) => (
                      <div key={event} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)] gap-2">
                        <dt className="text-slate-500">after {event}</dt>
                        <dd className="min-w-0 [overflow-wrap:anywhere]">
                          <RevocationCell figures={figures} event={event} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}

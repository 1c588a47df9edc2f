import { AUTH_MODES } from "@/lib/auth/types";
import type { LabResult } from "@/lib/labs/types";
import { ModeColumnView } from "./ModeColumnView";
import { VerdictPair } from "./VerdictPair";
import { LocalTime } from "@/app/components/LocalTime";

/** Setting names are long (JWT_REVOCATION_FAIL): each gets its own line above its value. */
function ConfigList({ config }: { config: LabResult["config"] }) {
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {Object.entries(config).map(([name, value]) => (
        <div key={name} className="py-2">
          <dt className="break-words text-slate-500">{name}</dt>
          <dd className="font-mono text-xs text-slate-900">{String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One run: both verdicts first, then both logs, what was configured, and what the columns cannot say. */
export function LabResultView({ result }: { result: LabResult }): React.ReactNode {
  return (
    <section aria-labelledby="result" className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="result" className="text-xl font-semibold">
          Result
        </h2>
        <p className="text-xs text-slate-500">
          Run <LocalTime at={result.finishedAt} /> against <code className="font-mono">{result.origin}</code> as{" "}
          <code className="font-mono">{result.user.email}</code> ({result.user.deleted ? "deleted afterwards" : "NOT deleted"})
        </p>
      </div>
      <VerdictPair result={result} />
      <div className="grid gap-6 lg:grid-cols-2">
        {AUTH_MODES.map((mode) => (
          <ModeColumnView key={mode} column={result.columns[mode]} />
        ))}
      </div>
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="config" className="rounded-xl border border-slate-200 bg-white p-6">
          <h3 id="config" className="mb-2 font-semibold">
            Configuration in force
          </h3>
          <ConfigList config={result.config} />
        </section>
        <section aria-labelledby="notes" className="rounded-xl border border-slate-200 bg-white p-6">
          <h3 id="notes" className="mb-2 font-semibold">
            What this means
          </h3>
          <ul className="list-disc space-y-2 pl-5 text-sm text-slate-700">
            {result.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      </div>
    </section>
  );
}

import type { AuthMode } from "@/lib/auth/modes";
import type { SaturationLine } from "@/lib/capacity/advice";
import { formatCount } from "@/lib/format/units";

/** Every component each mode fills as the load grows, in order, with what a team does then. */

const LABEL: Record<AuthMode, string> = { session: "Session mode", jwt: "JWT mode" };

export function SaturationAdvice({ lines }: { lines: Record<AuthMode, SaturationLine[]> }): React.ReactNode {
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {(["session", "jwt"] as const).map((mode) => (
        <section key={mode} aria-labelledby={`saturation-${mode}`} className="rounded-xl border border-slate-200 bg-white p-4">
          <h3 id={`saturation-${mode}`} className="font-semibold">
            {LABEL[mode]}
          </h3>
          {lines[mode].length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Nothing saturates up to 1,000,000,000 req/s with these inputs.</p>
          ) : (
            <ol className="mt-2 space-y-3 text-sm">
              {lines[mode].map((line) => (
                <li key={line.component}>
                  <strong>
                    {line.component} full {line.atRps === 0 ? "from logins and revocations alone" : `at ${formatCount(line.atRps)} req/s`}.
                  </strong>{" "}
                  {line.advice}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
    </div>
  );
}

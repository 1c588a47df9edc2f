import { modeStyle } from "@/app/components/mode-style";
import { AUTH_MODES } from "@/lib/auth/types";
import type { LabResult } from "@/lib/labs/types";
import { toneStyle } from "./tone-style";

/**
 * The answer first: both modes' verdicts next to each other on every width (two columns even
 * at 390 px, so a phone never loses the comparison), large, in words and an icon. The
 * request/response logs that back them follow below.
 */
export function VerdictPair({ result }: { result: LabResult }): React.ReactNode {
  return (
    <div className="grid grid-cols-2 gap-2 sm:gap-4">
      {AUTH_MODES.map((mode) => {
        const { verdict } = result.columns[mode];
        const tone = toneStyle[verdict.tone];
        return (
          <section key={mode} aria-label={`${modeStyle[mode].label} verdict`} className={`min-w-0 rounded-xl border-2 p-3 sm:p-5 ${tone.box}`}>
            <p className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 sm:text-sm ${modeStyle[mode].badge}`}>{modeStyle[mode].label}</p>
            <p className={`mt-2 flex items-center gap-2 text-xl font-semibold sm:text-3xl ${tone.text}`}>
              <span aria-hidden="true" className="inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-white text-lg ring-1 ring-current sm:size-9 sm:text-2xl">
                {tone.icon}
              </span>
              {tone.label}
            </p>
            <p className="mt-2 text-sm break-words">
              <span className="sr-only">{tone.label}: </span>
              {verdict.headline}
            </p>
            <ul aria-label="Reason codes" className="mt-2 flex flex-wrap gap-1 sm:gap-2">
              {verdict.reasonCodes.map((code, index) => (
                <li key={`${index}-${code}`} className="min-w-0">
                  <code className="rounded bg-white px-1.5 py-0.5 font-mono text-xs break-all ring-1 ring-slate-200">{code}</code>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

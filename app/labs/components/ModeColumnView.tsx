import { modeStyle } from "@/app/components/mode-style";
import type { LabColumn } from "@/lib/labs/types";
import { StepView } from "./StepView";
import { toneStyle } from "./tone-style";

/** One mode's column: the verdict first, then every exchange that led to it. */
export function ModeColumnView({ column }: { column: LabColumn }) {
  const { mode, verdict } = column;
  const tone = toneStyle[verdict.tone];
  const headingId = `${mode}-column`;
  return (
    <section aria-labelledby={headingId} className={`min-w-0 rounded-xl border bg-white p-5 ${modeStyle[mode].border}`}>
      <h3 id={headingId} className={`inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${modeStyle[mode].badge}`}>
        {modeStyle[mode].label}
      </h3>
      <div className={`mt-3 rounded-lg border p-4 ${tone.box}`}>
        <p className="text-sm">
          <strong className={tone.text}>{tone.label}:</strong> {verdict.headline}
        </p>
        <ul aria-label="Reason codes" className="mt-2 flex flex-wrap gap-2">
          {verdict.reasonCodes.map((code, index) => (
            <li key={`${index}-${code}`}>
              <code className="rounded bg-white px-1.5 py-0.5 font-mono text-xs ring-1 ring-slate-200">{code}</code>
            </li>
          ))}
        </ul>
      </div>
      <ol aria-label="Requests and responses" className="mt-4 space-y-3">
        {column.steps.map((step, index) => (
          <StepView key={index} step={step} number={index + 1} />
        ))}
      </ol>
    </section>
  );
}

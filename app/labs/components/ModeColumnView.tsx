import { modeStyle } from "@/app/components/mode-style";
import type { LabColumn } from "@/lib/labs/types";
import { StepView } from "./StepView";

/** One mode's log: every exchange that led to its verdict (the verdicts lead, in VerdictPair). */
export function ModeColumnView({ column }: { column: LabColumn }): React.ReactNode {
  const { mode } = column;
  const headingId = `${mode}-column`;
  return (
    <section aria-labelledby={headingId} className={`min-w-0 rounded-xl border bg-white p-5 ${modeStyle[mode].border}`}>
      <h3 id={headingId} className={`inline-flex rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ${modeStyle[mode].badge}`}>
        {modeStyle[mode].label}
        <span className="sr-only">: requests and responses</span>
      </h3>
      <ol aria-label="Requests and responses" className="mt-4 space-y-3">
        {column.steps.map((step, index) => (
          <StepView key={index} step={step} number={index + 1} />
        ))}
      </ol>
    </section>
  );
}

import { LANES, laneLabel, type FlowStep, type Lane } from "./flow-types";

/**
 * One flow as a small sequence diagram in HTML and CSS: four lanes on the left, a dot in the
 * lane that acts, the step on the right. Steps that touch the database are highlighted.
 */

const laneShort: Record<Lane, string> = { browser: "browser", proxy: "proxy", server: "server", database: "db" };

const dbTag: Record<NonNullable<FlowStep["db"]>, string> = {
  read: "reads the database",
  write: "writes the database",
  sometimes: "may touch the database",
};

function LaneMarks({ lane, db }: Pick<FlowStep, "lane" | "db">) {
  return (
    <div aria-hidden className="grid grid-cols-4">
      {LANES.map((candidate) => (
        <div key={candidate} className="flex justify-center border-l border-slate-200 first:border-l-0">
          <span
            className={`mt-3 h-3 w-3 rounded-full ${
              candidate !== lane ? "bg-transparent" : db ? "bg-amber-500 ring-4 ring-amber-200" : "bg-slate-700"
            }`}
          />
        </div>
      ))}
    </div>
  );
}

export function FlowDiagram({ steps, label }: { steps: FlowStep[]; label: string }) {
  return (
    <div>
      <div aria-hidden className="grid grid-cols-[9rem_1fr] gap-3 text-[9px] text-slate-500">
        <div className="grid grid-cols-4 text-center">
          {LANES.map((lane) => (
            <span key={lane} title={laneLabel[lane]}>
              {laneShort[lane]}
            </span>
          ))}
        </div>
      </div>
      <ol aria-label={label} className="space-y-1">
        {steps.map((step, index) => (
          <li key={index} className="grid grid-cols-[9rem_1fr] gap-3">
            <LaneMarks lane={step.lane} db={step.db} />
            <div className={`min-w-0 break-words rounded-md border px-3 py-2 text-sm ${step.db ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}>
              <p className="text-xs font-medium text-slate-500">
                {laneLabel[step.lane]}
                {step.db ? <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-amber-900">{dbTag[step.db]}</span> : null}
              </p>
              <p className="mt-0.5">{step.text}</p>
              {step.code ? <p className="mt-0.5 font-mono text-[11px] break-all text-slate-500">{step.code}</p> : null}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

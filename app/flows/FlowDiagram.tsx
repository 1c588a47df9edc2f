import { layoutSequence, type LaneSlot, type MessageLayout } from "@/lib/flows/sequence-layout";
import { isStoreLane, laneDescription, laneName, type FlowStep, type Lane, type StoreLane } from "./flow-types";
import { gridClasses, minWidthClass, spanClasses } from "./grid-classes";

/**
 * One flow as a sequence diagram in server-rendered HTML and CSS: lane headers, lifelines that
 * run the whole height, one arrow per message with its label above it. The messages are an
 * ordered list whose items say "from → to: what" to a screen reader, and the full story of
 * each step is one click below. No client JavaScript: the geometry comes from lib/flows.
 */

const storeTone: Record<StoreLane, { arrow: string; badge: string; lane: string; head: string }> = {
  database: { arrow: "text-amber-600", badge: "bg-amber-100 text-amber-900 ring-amber-300", lane: "border-amber-300", head: "border-amber-300 bg-amber-50" },
  redis: { arrow: "text-rose-600", badge: "bg-rose-100 text-rose-900 ring-rose-300", lane: "border-rose-300", head: "border-rose-300 bg-rose-50" },
};

const accessWord: Record<NonNullable<FlowStep["access"]>, string> = { read: "read", write: "write", sometimes: "sometimes" };

function StoreMark({ step }: { step: FlowStep }) {
  if (!isStoreLane(step.to) || !step.access) return null;
  const short = step.to === "database" ? "DB" : "Redis";
  return (
    <span className={`ml-1 inline-block rounded px-1 align-middle text-[10px] font-semibold whitespace-nowrap ring-1 ${storeTone[step.to].badge}`}>
      {short} {accessWord[step.access]}
    </span>
  );
}

function ArrowHead({ pointing }: { pointing: "left" | "right" }) {
  return (
    <svg aria-hidden viewBox="0 0 8 8" className="h-2.5 w-2.5 shrink-0">
      <path d={pointing === "right" ? "M0 0 L8 4 L0 8 Z" : "M8 0 L0 4 L8 8 Z"} fill="currentColor" />
    </svg>
  );
}

function Label({ step, number }: { step: FlowStep; number: number }) {
  return (
    <>
      <span aria-hidden className="mr-1 inline-flex h-4 min-w-4 items-center justify-center rounded-full bg-slate-700 px-1 align-middle text-[10px] font-semibold text-white">
        {number}
      </span>
      <span className="box-decoration-clone bg-white/90 px-0.5">{step.label}</span>
      <StoreMark step={step} />
    </>
  );
}

function Message({ step, layout, number, columns }: { step: FlowStep; layout: MessageLayout; number: number; columns: number }) {
  const who = step.from === step.to ? `${laneName[step.from]}, by itself: ` : `${laneName[step.from]} to ${laneName[step.to]}: `;
  const tone = isStoreLane(step.to) ? storeTone[step.to].arrow : "text-slate-600";
  if (layout.kind === "note") {
    return (
      <li className={`${gridClasses(columns)} py-1`}>
        <span className={`${spanClasses(layout.label)} mx-1 rounded-md border border-slate-300 bg-slate-50 px-1.5 py-1 text-center text-xs leading-snug text-slate-800`}>
          <span className="sr-only">{who}</span>
          <Label step={step} number={number} />
        </span>
      </li>
    );
  }
  return (
    <li className={`${gridClasses(columns)} items-end pt-1`}>
      <span className={`${spanClasses(layout.label)} row-start-1 px-1 pb-0.5 text-center text-xs leading-snug text-slate-800`}>
        <span className="sr-only">{step.reply ? `${who}(answer) ` : who}</span>
        <Label step={step} number={number} />
      </span>
      <span aria-hidden className={`${spanClasses(layout.arrow)} row-start-2 flex items-center ${tone}`}>
        {layout.direction === "left" ? <ArrowHead pointing="left" /> : null}
        <span className={`h-0 grow border-t-2 border-current ${step.reply ? "border-dashed" : ""}`} />
        {layout.direction === "right" ? <ArrowHead pointing="right" /> : null}
      </span>
    </li>
  );
}

function LaneHead({ slot }: { slot: LaneSlot<Lane> }) {
  const tone = isStoreLane(slot.lane) ? storeTone[slot.lane].head : "border-slate-300 bg-slate-50";
  return (
    <li title={laneDescription[slot.lane]} className={`${spanClasses(slot.head)} mx-0.5 rounded-md border px-0.5 py-1 text-center text-[11px] leading-tight font-semibold break-words ${tone} ${slot.used ? "" : "opacity-40"}`}>
      {laneName[slot.lane]}
      {slot.used ? null : <span className="sr-only"> (not used in this flow)</span>}
    </li>
  );
}

function Lifeline({ slot }: { slot: LaneSlot<Lane> }) {
  const tone = isStoreLane(slot.lane) ? storeTone[slot.lane].lane : "border-slate-300";
  return <div className={`${spanClasses({ start: slot.line - 1, span: 1 })} border-r-2 ${slot.used ? tone : "border-dashed border-slate-200"}`} />;
}

export function FlowDiagram({ steps, lanes, title }: { steps: FlowStep[]; lanes: Lane[]; title: string }): React.ReactNode {
  const layout = layoutSequence(lanes, steps);
  return (
    <figure aria-label={title} className="min-w-0">
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <div className={`${minWidthClass(layout.columns)} px-1 py-3`}>
          <ul role="list" aria-label={`Lanes of ${title}`} className={gridClasses(layout.columns)}>
            {layout.lanes.map((slot) => (
              <LaneHead key={slot.lane} slot={slot} />
            ))}
          </ul>
          <div className="relative">
            <div aria-hidden className={`pointer-events-none absolute inset-0 ${gridClasses(layout.columns)}`}>
              {layout.lanes.map((slot) => (
                <Lifeline key={slot.lane} slot={slot} />
              ))}
            </div>
            <ol role="list" aria-label={`Sequence diagram of ${title}`} className="relative pt-1 pb-3">
              {steps.map((step, index) => (
                <Message key={index} step={step} layout={layout.messages[index]!} number={index + 1} columns={layout.columns} />
              ))}
            </ol>
          </div>
        </div>
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-600">Step by step, with where in the code</summary>
        <ol aria-label={`Steps of ${title}`} className="mt-2 list-decimal space-y-1.5 pl-6">
          {steps.map((step, index) => (
            <li key={index}>
              <span className="font-medium">
                {step.from === step.to ? laneName[step.from] : `${laneName[step.from]} → ${laneName[step.to]}`}: {step.label}.
              </span>{" "}
              {step.text}
              {step.code ? <code className="ml-1 font-mono text-[11px] break-all text-slate-500">{step.code}</code> : null}
            </li>
          ))}
        </ol>
      </details>
    </figure>
  );
}

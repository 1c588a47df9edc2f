import { SubmitButton } from "@/app/components/SubmitButton";
import { labCatalog } from "@/lib/labs/catalog";
import { labRun } from "@/lib/labs/store";
import type { LabId } from "@/lib/labs/types";
import { runLabAction } from "../actions";
import { LabResultView } from "./LabResultView";
import { labsBusyText } from "./labs-busy";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}

/** Why a run did not happen, in words; codes come from lib/labs/run-lab.ts. */
function explain(code: string, retry: string | null): string {
  switch (code) {
    case "outage_cooling_down":
      return `The database was taken down moments ago. The next outage is allowed in ${retry ?? "a few"} s: run it again then.`;
    case "sticky_lab_busy":
      return `Another sticky-sessions run is crashing an instance right now. Try again in ${retry ?? "a few"} s.`;
    case "origin_not_this_app":
      return "The labs' origin (LABS_ORIGIN, or 127.0.0.1 and the port Next listens on) does not lead back to this server, so the lab refused to send requests there.";
    case "labs_busy":
      return labsBusyText(retry);
    case "login_required":
      return "Log in first (either mode: /session/login or /jwt/login): labs run only for logged-in users, a few times a minute each.";
    case "fleet_required":
      return "This lab needs a fleet (two or more instances, FLEET_INSTANCES), and this server runs alone: see above for the command that starts one.";
    case "lab_setup_failed":
      return "The lab could not log in its throwaway user, so there was nothing to compare. The server log says why.";
    default:
      return "The lab could not finish. Nothing of yours was changed; the server log has the details.";
  }
}

interface LabPageProps {
  lab: LabId;
  searchParams: SearchParams;
  children?: React.ReactNode;
  /** Shown instead of the run button when this server cannot run the lab (e.g. no fleet). */
  unavailable?: React.ReactNode;
}

export async function LabPage({ lab, searchParams, children, unavailable }: LabPageProps): Promise<React.ReactNode> {
  const params = await searchParams;
  const entry = labCatalog[lab];
  const runId = first(params.run);
  const result = runId ? await labRun(runId) : null;
  const error = first(params.error);
  return (
    <div className="space-y-8">
      <section className="max-w-3xl space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">{entry.title}</h1>
        <p className="text-lg text-slate-700">{entry.question}</p>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-600">
          {entry.scenario.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {children}
        {unavailable ?? (
          <form action={runLabAction} className="pt-2">
            <input type="hidden" name="lab" value={lab} />
            <SubmitButton label="Run the lab" pendingLabel="Running…" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" />
          </form>
        )}
      </section>
      {error ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {explain(error, first(params.retry))}
        </p>
      ) : null}
      {runId && !result ? (
        <p role="status" className="rounded-md bg-slate-100 px-4 py-3 text-sm">
          That run is no longer stored (runs are kept for an hour). Run the lab again.
        </p>
      ) : null}
      {result ? <LabResultView result={result} /> : null}
    </div>
  );
}

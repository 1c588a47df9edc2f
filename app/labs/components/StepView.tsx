import type { LabStep } from "@/lib/labs/types";

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <pre className="whitespace-pre-wrap break-all text-slate-600">
      {entries.map(([name, value]) => `${name}: ${value}`).join("\n")}
    </pre>
  );
}

function Body({ body }: { body: unknown }) {
  if (body === undefined || body === null) return null;
  return <pre className="mt-1 whitespace-pre-wrap break-all">{typeof body === "string" ? body : JSON.stringify(body, null, 2)}</pre>;
}

/** One exchange: the line that matters in the summary; headers and JSON body inside. */
export function StepView({ step, number }: { step: LabStep; number: number }): React.ReactNode {
  const { request, response } = step;
  const outcome = response ? `${response.status}` : "no answer";
  return (
    <li className="text-sm">
      {step.after ? <p className="mb-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">⚡ {step.after}</p> : null}
      <details open={step.decisive} className="rounded-md border border-slate-200">
        <summary className="cursor-pointer px-3 py-2">
          <span className="text-slate-500">{number}.</span> {step.label}
          <span className="block font-mono text-xs">
            {request.method} {request.path} → {outcome}
            {response ? <span className="text-slate-400"> ({response.ms} ms)</span> : null}
          </span>
        </summary>
        <div className="space-y-3 border-t border-slate-100 px-3 py-2 font-mono text-xs">
          <div>
            <p className="font-sans font-medium text-slate-500">Request</p>
            <Headers headers={request.headers} />
            <Body body={request.body} />
          </div>
          <div>
            <p className="font-sans font-medium text-slate-500">Response</p>
            {response ? <Headers headers={response.headers} /> : <p className="font-sans text-red-700">{step.error}</p>}
            {response ? <Body body={response.body} /> : null}
          </div>
        </div>
      </details>
    </li>
  );
}

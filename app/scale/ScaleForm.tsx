import type { ReaderInputs } from "@/lib/capacity/inputs";
import { LiveUpdates } from "./LiveUpdates";

/**
 * The reader's deployment, as a GET form: it works without JavaScript (submit, the page
 * recomputes on the server), and with it the figures follow as the reader types (LiveUpdates).
 * Every value comes back as it was typed, with its field's message when it was not usable.
 */

type Field = keyof ReaderInputs;

const NUMBERS: { name: Field; label: string; hint: string; placeholder?: string }[] = [
  { name: "peakRps", label: "Peak authenticated requests per second", hint: "across the whole deployment" },
  { name: "activeUsers", label: "Active users", hint: "making requests at the peak" },
  { name: "sessionsPerUser", label: "Sessions per user", hint: "session rows, or refresh families in JWT mode" },
  { name: "instances", label: "App instances", hint: "behind a balancer without stickiness" },
  { name: "revocationsPerMinute", label: "Revocations per minute", hint: "logouts, device revocations, disables" },
  { name: "accessTokenSeconds", label: "Access-token lifetime (s)", hint: "JWT_ACCESS_TTL_SECONDS" },
  { name: "sweepIntervalSeconds", label: "Sweep interval (s)", hint: "SWEEP_INTERVAL_SECONDS; 0: ended rows are never deleted" },
  { name: "cacheSeconds", label: "Cache lifetime (s)", hint: "empty: the app's (push 60 s, cookie 30 s)", placeholder: "the app's" },
  { name: "cacheHitRatio", label: "Cache hit ratio (0–1)", hint: "empty: derived from the traffic", placeholder: "derived" },
  { name: "dbFactor", label: "PostgreSQL hardware ×", hint: "times this machine's primary" },
  { name: "redisFactor", label: "Redis hardware ×", hint: "times this machine's Redis" },
  { name: "cpuFactor", label: "App CPU speed ×", hint: "times one of this machine's cores" },
];

const CHOICES: { name: Field; label: string; options: readonly string[] }[] = [
  { name: "sessionCache", label: "SESSION_CACHE", options: ["off", "push", "cookie"] },
  { name: "jwtRevocationCheck", label: "JWT_REVOCATION_CHECK", options: ["denylist", "none"] },
];

export const FORM_ID = "scale-inputs";

export function ScaleForm({ values, errors }: { values: Record<string, string>; errors: Partial<Record<Field, string>> }): React.ReactNode {
  const invalid = Object.keys(errors).length > 0;
  return (
    <form id={FORM_ID} method="get" action="/scale" aria-describedby={invalid ? "scale-errors" : undefined} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4">
      {invalid ? (
        <div id="scale-errors" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-800">
          <p className="font-medium">Some of these numbers cannot be used; the figures below wait for them:</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(errors).map(([field, message]) => (
              <li key={field}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {NUMBERS.map((field) => (
          <div key={field.name}>
            <label htmlFor={`scale-${field.name}`} className="block text-sm font-medium">
              {field.label}
            </label>
            <input
              id={`scale-${field.name}`}
              name={field.name}
              inputMode="decimal"
              defaultValue={values[field.name] ?? ""}
              placeholder={field.placeholder}
              aria-invalid={errors[field.name] ? true : undefined}
              aria-describedby={`scale-${field.name}-hint`}
              className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm tabular-nums aria-[invalid=true]:border-rose-500"
            />
            <p id={`scale-${field.name}-hint`} className={`mt-1 text-xs ${errors[field.name] ? "text-rose-700" : "text-slate-500"}`}>
              {errors[field.name] ?? field.hint}
            </p>
          </div>
        ))}
        {CHOICES.map((field) => (
          <div key={field.name}>
            <label htmlFor={`scale-${field.name}`} className="block text-sm font-medium">
              {field.label}
            </label>
            <select id={`scale-${field.name}`} name={field.name} defaultValue={values[field.name]} aria-invalid={errors[field.name] ? true : undefined} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm">
              {field.options.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
            {errors[field.name] ? <p className="mt-1 text-xs text-rose-700">{errors[field.name]}</p> : null}
          </div>
        ))}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className="rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700">
          Compute
        </button>
        <a href="/scale" className="text-sm text-slate-600 underline underline-offset-4">
          Back to the defaults
        </a>
        <LiveUpdates formId={FORM_ID} />
      </div>
    </form>
  );
}

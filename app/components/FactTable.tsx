import { LocalTime } from "./LocalTime";

/** An ISO 8601 instant in UTC, as every toISOString() in lib/ writes it. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function FactValue({ value }: { value: unknown }) {
  if (typeof value === "object" && value !== null) return <pre className="whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>;
  if (typeof value === "string" && ISO_INSTANT.test(value)) return <LocalTime at={value} className="font-sans break-normal" />;
  return <>{String(value ?? "—")}</>;
}

/** A two-column list of facts; values are shown as code since most are ids or bytes, instants as the reader's time. */
export function FactTable({ facts }: { facts: Record<string, unknown> }): React.ReactNode {
  const entries = Object.entries(facts);
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing.</p>;
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {entries.map(([label, value]) => (
        <div key={label} className="grid grid-cols-3 gap-3 py-2 sm:grid-cols-[minmax(0,12rem)_minmax(0,1fr)]">
          <dt className="text-slate-500">{label}</dt>
          <dd className="col-span-2 break-all sm:col-span-1 font-mono text-xs text-slate-900">
            <FactValue value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

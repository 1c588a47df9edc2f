/** A two-column list of facts; values are shown as code since most are ids, dates or bytes. */
export function FactTable({ facts }: { facts: Record<string, unknown> }) {
  const entries = Object.entries(facts);
  if (entries.length === 0) return <p className="text-sm text-slate-500">Nothing.</p>;
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      {entries.map(([label, value]) => (
        <div key={label} className="grid grid-cols-3 gap-3 py-2">
          <dt className="text-slate-500">{label}</dt>
          <dd className="col-span-2 break-all font-mono text-xs text-slate-900">
            {typeof value === "object" && value !== null ? <pre className="whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre> : String(value ?? "—")}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** UTC, to the second: the audit trail is compared across machines. */
export function UtcTime({ at }: { at: Date | null }) {
  if (!at) return <span className="text-slate-400">never</span>;
  const iso = at.toISOString();
  return (
    <time dateTime={iso} className="font-mono text-xs">
      {iso.slice(0, 19).replace("T", " ")} UTC
    </time>
  );
}

import { formatBytes, formatCount } from "@/lib/format/units";

/**
 * A measured number, or plainly nothing: this page never shows a figure it did not measure.
 * Written by lib/format/units.ts, the site's one number format (`format`; counts by default).
 */
export function Figure({ value, format = formatCount }: { value: number | null; format?: (value: number) => string }): React.ReactNode {
  if (value === null) return <span className="text-slate-400">not measured yet</span>;
  return <strong className="font-mono font-medium tabular-nums">{format(value)}</strong>;
}

/** Every distinct byte size measured, as a list a reader (or a test) can check one by one. */
export function SizeList({ label, values }: { label: string; values: number[] }): React.ReactNode {
  if (values.length === 0) return null;
  return (
    <span className="mt-1 flex flex-wrap items-baseline gap-1">
      <span className="text-xs text-slate-500">sizes seen:</span>
      <ul aria-label={label} className="inline-flex flex-wrap gap-1">
        {values.map((value) => (
          <li key={value} className="rounded bg-slate-100 px-1.5 font-mono text-xs tabular-nums">
            {formatBytes(value)}
          </li>
        ))}
      </ul>
    </span>
  );
}

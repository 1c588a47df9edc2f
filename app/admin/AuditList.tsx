import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import type { AuditEntry } from "@/lib/audit/log";
import { LocalTime } from "@/app/components/LocalTime";
import { describeUserAgent } from "@/lib/format/user-agent";
import { CellLabel } from "./CellLabel";

const ACTION_LABELS: Record<string, string> = {
  "user.disable": "disabled",
  "user.enable": "enabled",
  "user.role": "changed role of",
  "user.end_all": "logged out everywhere",
  "keys.rotate": "rotated the signing key",
  "keys.retire": "retired a signing key at once",
};

function UserLink({ id, emails }: { id: string | null; emails: Map<string, string> }) {
  if (!id) return <span>—</span>;
  return (
    <Link href={`/admin/users/${encodeURIComponent(id)}`} className={inlineLink}>
      {emails.get(id) ?? id}
    </Link>
  );
}

/**
 * The audit trail as a table: when, who (and with which mode), what, whom, from where. A fixed
 * layout whose cells wrap (e-mails, the JSON detail), so it is never wider than its box; on a
 * phone each row becomes a card, as the users table does.
 */
export function AuditList({ entries, emails, caption }: { entries: AuditEntry[]; emails: Map<string, string>; caption: string }): React.ReactNode {
  if (entries.length === 0) return <p className="text-sm text-slate-500">No admin actions recorded yet.</p>;
  const cell = "block py-1 [overflow-wrap:anywhere] md:table-cell md:py-2 md:pr-3";
  return (
    <table className="block w-full text-left text-sm md:table md:table-fixed">
      <caption className="sr-only">{caption}</caption>
      <thead className="hidden text-xs text-slate-500 md:table-header-group">
        <tr>
          <th scope="col" className="w-[14%] py-2 pr-3 font-medium">When</th>
          <th scope="col" className="w-[18%] py-2 pr-3 font-medium">Who</th>
          <th scope="col" className="w-[18%] py-2 pr-3 font-medium">What</th>
          <th scope="col" className="w-[18%] py-2 pr-3 font-medium">Whom</th>
          <th scope="col" className="w-[16%] py-2 pr-3 font-medium">Detail</th>
          <th scope="col" className="w-[16%] py-2 font-medium">From</th>
        </tr>
      </thead>
      <tbody className="block divide-y divide-slate-100 align-top md:table-row-group">
        {entries.map((entry) => (
          <tr key={entry.id} className="block py-2 md:table-row md:py-0">
            <td className={cell}><CellLabel>When</CellLabel><LocalTime at={entry.at} className="text-xs" /></td>
            <td className={cell}>
              <CellLabel>Who</CellLabel><UserLink id={entry.actorId} emails={emails} /> <span className="text-xs text-slate-500">({entry.actorMode})</span>
            </td>
            <td className={cell}>
              <CellLabel>What</CellLabel>{ACTION_LABELS[entry.action] ?? entry.action} <code className="font-mono text-xs text-slate-500">{entry.action}</code>
            </td>
            <td className={cell}><CellLabel>Whom</CellLabel><UserLink id={entry.targetUserId} emails={emails} /></td>
            <td className={`${cell} font-mono text-xs`}><CellLabel>Detail</CellLabel>{Object.keys(entry.detail).length > 0 ? JSON.stringify(entry.detail) : "—"}</td>
            <td className={`${cell} text-xs`}>
              <CellLabel>From</CellLabel><span className="font-mono">{entry.ip ?? "unknown address"}</span>
              {entry.userAgent ? <span className="block max-w-56 truncate text-slate-500" title={entry.userAgent}>{describeUserAgent(entry.userAgent).label}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function emailIdsOf(entries: AuditEntry[]): string[] {
  return entries.flatMap((entry) => [entry.actorId, ...(entry.targetUserId ? [entry.targetUserId] : [])]);
}

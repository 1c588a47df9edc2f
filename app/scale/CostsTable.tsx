import type { Costs } from "@/lib/capacity/costs";
import { formatRate } from "@/lib/capacity/units";
import { formatBytes, formatCount, formatMicros } from "@/lib/format/units";

/** The measured inputs, each with where it was read from: nothing on this page is typed in. */

export function CostsTable({ costs }: { costs: Costs }): React.ReactNode {
  const session = costs.modes.session.denylist;
  const jwt = costs.modes.jwt.denylist;
  const { capacities: c, sources } = costs;
  const rows: { label: string; session: string; jwt: string; source: string }[] = [
    { label: "Framework, per request", session: formatMicros(session.frameworkMicros), jwt: formatMicros(jwt.frameworkMicros), source: sources.frameworkMicros! },
    { label: "Warm check (answered from memory)", session: formatMicros(session.warmCheckMicros), jwt: formatMicros(jwt.warmCheckMicros), source: sources.warmCheckMicros! },
    { label: "A credential this process has not seen", session: formatMicros(session.coldCredentialMicros), jwt: formatMicros(jwt.coldCredentialMicros), source: sources.coldCredentialMicros! },
    { label: "A check's database read (Node's CPU)", session: formatMicros(session.dbReadMicros), jwt: formatMicros(jwt.dbReadMicros), source: sources.dbReadMicros! },
    { label: "A login", session: formatMicros(session.loginMicros), jwt: formatMicros(jwt.loginMicros), source: sources.loginMicros! },
    { label: "Reads + writes: login, logout", session: `${session.db.login.reads}+${session.db.login.writes}, ${session.db.logout.reads}+${session.db.logout.writes}`, jwt: `${jwt.db.login.reads}+${jwt.db.login.writes}, ${jwt.db.logout.reads}+${jwt.db.logout.writes}`, source: sources.db! },
    { label: "Messages per revocation (push)", session: formatRate(session.redis.publishesPerRevocation), jwt: formatRate(jwt.redis.publishesPerRevocation), source: sources.redis! },
    { label: "Credential per request", session: formatBytes(session.bytes.credential), jwt: formatBytes(jwt.bytes.credential), source: sources.bytes! },
    { label: "PostgreSQL: checks per second", session: formatCount(c.postgresOpsPerSecond.session.check), jwt: formatCount(c.postgresOpsPerSecond.jwt.check), source: sources.postgresOpsPerSecond! },
    { label: "PostgreSQL: logins per second", session: formatCount(c.postgresOpsPerSecond.session.login), jwt: formatCount(c.postgresOpsPerSecond.jwt.login), source: sources.postgresOpsPerSecond! },
    { label: "Row bytes: session / refresh family + token", session: formatBytes(c.rowBytes.session), jwt: formatBytes(c.rowBytes.refreshFamily + c.rowBytes.refreshToken), source: sources.rowBytes! },
  ];
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="px-4 pt-3 text-left text-xs text-slate-500 [overflow-wrap:anywhere]">
          Redis: {formatCount(c.redisOpsPerSecond.loginCommand)} throttle scripts/s, {formatCount(c.redisOpsPerSecond.publish)} PUBLISH/s, {c.redisCpuMicros.perDelivery.toFixed(2)} µs of its CPU per subscriber reached ({sources.redisOpsPerSecond}).
        </caption>
        <thead>
          <tr className="border-b border-slate-200">
            <th scope="col" className="px-3 py-2 font-medium">Cost</th>
            <th scope="col" className="px-3 py-2 font-medium">Session</th>
            <th scope="col" className="px-3 py-2 font-medium">JWT</th>
            <th scope="col" className="hidden px-3 py-2 font-medium md:table-cell">Read from</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="px-3 py-2 font-normal [overflow-wrap:anywhere]">
                {row.label}
                {/* Below md the source moves under the label instead of a fourth column. */}
                <span className="mt-1 block text-xs text-slate-500 md:hidden">read from {row.source}</span>
              </th>
              <td className="px-3 py-2 tabular-nums">{row.session}</td>
              <td className="px-3 py-2 tabular-nums">{row.jwt}</td>
              <td className="hidden px-3 py-2 text-xs text-slate-500 [overflow-wrap:anywhere] md:table-cell">{row.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

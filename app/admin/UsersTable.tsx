import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import type { AdminUserRow } from "@/lib/admin/users-overview";
import { UserActions } from "./UserActions";
import { LocalTime } from "@/app/components/LocalTime";

export function StatusBadge({ disabled }: { disabled: boolean }) {
  return disabled ? (
    <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">disabled</span>
  ) : (
    <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">active</span>
  );
}

/** Every user with role, status, last login and what they hold right now, and the actions on them. */
export function UsersTable({ users, selfId }: { users: AdminUserRow[]; selfId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Users</caption>
        <thead className="text-xs text-slate-500">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">User</th>
            <th scope="col" className="py-2 pr-3 font-medium">Role</th>
            <th scope="col" className="py-2 pr-3 font-medium">Status</th>
            <th scope="col" className="py-2 pr-3 font-medium">Last login</th>
            <th scope="col" className="py-2 pr-3 font-medium" title="Session rows not past their expiry">Sessions</th>
            <th scope="col" className="py-2 pr-3 font-medium" title="Refresh families neither revoked nor expired">Refresh families</th>
            <th scope="col" className="py-2 font-medium">Actions</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/admin/users/${encodeURIComponent(user.id)}`} className={inlineLink}>
                  {user.email}
                </Link>
                <span className="block text-xs text-slate-500">{user.name}{user.id === selfId ? " (you)" : ""}</span>
              </th>
              <td className="py-2 pr-3">{user.role}</td>
              <td className="py-2 pr-3"><StatusBadge disabled={user.disabledAt !== null} /></td>
              <td className="py-2 pr-3"><LocalTime at={user.lastLoginAt} className="text-xs" /></td>
              <td className="py-2 pr-3 font-mono">{user.activeSessions}</td>
              <td className="py-2 pr-3 font-mono">{user.activeFamilies}</td>
              <td className="py-2">
                <UserActions user={{ id: user.id, email: user.email, role: user.role, disabled: user.disabledAt !== null, isSelf: user.id === selfId }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

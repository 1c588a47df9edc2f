import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import type { AdminUserRow } from "@/lib/admin/users-overview";
import { UserActions } from "./UserActions";
import { LocalTime } from "@/app/components/LocalTime";
import { CellLabel } from "./CellLabel";

export function StatusBadge({ disabled }: { disabled: boolean }): React.ReactNode {
  return disabled ? (
    <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-800">disabled</span>
  ) : (
    <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-800">active</span>
  );
}

/**
 * Every user with role, status, last login and what they hold right now, and the actions on
 * them. Below md each user is a card (cells wrap, each labelled) instead of a seven-column
 * table whose Sessions and Actions sat behind a sideways scroll on a phone.
 */
export function UsersTable({ users, selfId }: { users: AdminUserRow[]; selfId: string }): React.ReactNode {
  const cell = "block py-1 md:table-cell md:py-2 md:pr-3";
  return (
    <div>
      <table className="block w-full text-left text-sm md:table">
        <caption className="sr-only">Users</caption>
        <thead className="hidden text-xs text-slate-500 md:table-header-group">
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
        <tbody className="block divide-y divide-slate-100 align-top md:table-row-group">
          {users.map((user) => (
            <tr key={user.id} className="block py-2 md:table-row md:py-0">
              <th scope="row" className="block py-1 font-normal [overflow-wrap:anywhere] md:table-cell md:py-2 md:pr-3">
                <Link href={`/admin/users/${encodeURIComponent(user.id)}`} className={inlineLink}>
                  {user.email}
                </Link>
                <span className="block text-xs text-slate-500">{user.name}{user.id === selfId ? " (you)" : ""}</span>
              </th>
              <td className={cell}><CellLabel>Role</CellLabel>{user.role}</td>
              <td className={cell}><CellLabel>Status</CellLabel><StatusBadge disabled={user.disabledAt !== null} /></td>
              <td className={cell}><CellLabel>Last login</CellLabel><LocalTime at={user.lastLoginAt} className="text-xs" /></td>
              <td className={`${cell} font-mono`}><CellLabel>Sessions</CellLabel>{user.activeSessions}</td>
              <td className={`${cell} font-mono`}><CellLabel>Refresh families</CellLabel>{user.activeFamilies}</td>
              <td className="block py-1 md:table-cell md:py-2">
                <UserActions user={{ id: user.id, email: user.email, role: user.role, disabled: user.disabledAt !== null, isSelf: user.id === selfId }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { isPlausibleId } from "@/lib/http/ids";
import { notFound } from "next/navigation";
import { inlineLink } from "@/app/components/link-style";
import { AuditList, emailIdsOf } from "@/app/admin/AuditList";
import { gateAdminPage } from "@/app/admin/page-gate";
import { StatusBadge } from "@/app/admin/UsersTable";
import { UserActions } from "@/app/admin/UserActions";
import { listUserAudit } from "@/lib/audit/log";
import { emailsOf, findUserForAdmin } from "@/lib/admin/users-overview";
import { LocalTime } from "@/app/components/LocalTime";

export const metadata: Metadata = { title: "User · Admin console" };

const USER_AUDIT = 200;

export default async function AdminUserPage({ params }: PageProps<"/admin/users/[id]">): Promise<React.ReactNode> {
  const { id } = await params;
  if (!isPlausibleId(id)) notFound();
  const gate = await gateAdminPage(`/admin/users/${encodeURIComponent(id)}`);
  const user = await findUserForAdmin(id, new Date());
  if (!user) notFound();
  const entries = await listUserAudit(user.id, USER_AUDIT);
  const emails = await emailsOf(emailIdsOf(entries));
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href="/admin" className={inlineLink}>← Admin console</Link>
      </p>
      <section aria-labelledby="user" className="rounded-xl border border-slate-200 bg-white p-6">
        <h1 id="user" className="text-2xl font-semibold">{user.email}</h1>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">Name</dt><dd>{user.name}</dd></div>
          <div><dt className="text-slate-500">Role</dt><dd>{user.role}</dd></div>
          <div><dt className="text-slate-500">Status</dt><dd><StatusBadge disabled={user.disabledAt !== null} /></dd></div>
          <div><dt className="text-slate-500">Last login</dt><dd><LocalTime at={user.lastLoginAt} className="text-xs" /></dd></div>
          <div><dt className="text-slate-500">Active sessions</dt><dd className="font-mono">{user.activeSessions}</dd></div>
          <div><dt className="text-slate-500">Active refresh families</dt><dd className="font-mono">{user.activeFamilies}</dd></div>
          <div><dt className="text-slate-500">Created</dt><dd><LocalTime at={user.createdAt} className="text-xs" /></dd></div>
        </dl>
        <div className="mt-4">
          <UserActions user={{ id: user.id, email: user.email, role: user.role, disabled: user.disabledAt !== null, isSelf: user.id === gate.user.id }} />
        </div>
      </section>
      <section aria-labelledby="user-audit" className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="user-audit" className="font-semibold">Audit log for this user</h2>
        <p className="mb-3 text-sm text-slate-600">Admin actions on this user, or by them, newest first.</p>
        <AuditList entries={entries} emails={emails} caption={`Admin actions involving ${user.email}`} />
      </section>
    </div>
  );
}

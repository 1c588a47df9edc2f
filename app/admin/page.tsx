import type { Metadata } from "next";
import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { listRecentAudit } from "@/lib/audit/log";
import { ADMIN_USER_LIMIT, emailsOf, listUsersForAdmin } from "@/lib/admin/users-overview";
import { AuditList, emailIdsOf } from "./AuditList";
import { getConfig } from "@/lib/env";
import { gateAdminPage } from "./page-gate";
import { endEverythingWords } from "./revocation-words";
import { UsersTable } from "./UsersTable";

export const metadata: Metadata = { title: "Admin console" };

const RECENT_AUDIT = 50;

export default async function AdminPage(): Promise<React.ReactNode> {
  const gate = await gateAdminPage("/admin");
  const now = new Date();
  const [users, entries] = await Promise.all([listUsersForAdmin(now), listRecentAudit(RECENT_AUDIT)]);
  const emails = await emailsOf(emailIdsOf(entries));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Admin console</h1>
        <p className="mt-1 text-sm text-slate-600">
          Logged in as {gate.user.email} with {gate.principal.mode === "jwt" ? "JWT mode" : "session mode"}. Your role is read from the
          database on every request here, not from your {gate.principal.mode === "jwt" ? "token" : "session"}.
        </p>
      </div>

      <section aria-labelledby="users" className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="users" className="font-semibold">Users</h2>
        <p className="mb-3 text-sm text-slate-600">
          {endEverythingWords(getConfig())} The last active admin can be neither demoted nor disabled.
          {users.length >= ADMIN_USER_LIMIT ? ` Showing the first ${ADMIN_USER_LIMIT}.` : ""}
        </p>
        <UsersTable users={users} selfId={gate.user.id} />
      </section>

      {/* Signing keys: their states and "rotate" live on /admin/keys (built with the key-rotation work). */}
      <section aria-labelledby="signing-keys" className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="signing-keys" className="font-semibold">Signing keys</h2>
        <p className="mt-1 text-sm text-slate-600">
          The JWT signing keys, their states and rotation:{" "}
          <Link href="/admin/keys" className={inlineLink}>Signing keys</Link>.
        </p>
      </section>

      <section aria-labelledby="audit" className="rounded-xl border border-slate-200 bg-white p-6">
        <h2 id="audit" className="font-semibold">Audit log</h2>
        <p className="mb-3 text-sm text-slate-600">The latest {RECENT_AUDIT} admin actions, newest first, from this console and the admin API.</p>
        <AuditList entries={entries} emails={emails} caption="Latest admin actions" />
      </section>
    </div>
  );
}

import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { checkAdminAnyMode } from "@/lib/admin/standing";
import { getProfile } from "@/lib/auth/dal";

/**
 * The console's 403 page, rendered with status 403 when a page's gate calls forbidden()
 * (app/admin/page-gate.ts). The credential checks are cached for the request: naming the account
 * costs one more read of its row, not a second verification.
 */
export default async function AdminForbidden(): Promise<React.ReactNode> {
  const gate = await checkAdminAnyMode();
  const who = gate.kind === "forbidden" ? (await getProfile(gate.principal))?.email : undefined;
  return (
    <section className="mx-auto max-w-xl rounded-xl border border-amber-300 bg-white p-8">
      <p className="font-mono text-sm text-amber-700">403 · Forbidden</p>
      <h1 className="mt-2 text-2xl font-semibold">Admins only</h1>
      <p className="mt-3 text-sm text-slate-700">
        You are logged in as {who ?? "this user"}, which is not an admin account. The admin console shows every user and the audit
        log, so it is open to admins only.
      </p>
      <p className="mt-4 text-sm">
        <Link href="/" className={inlineLink}>
          Back to the home page
        </Link>
      </p>
    </section>
  );
}

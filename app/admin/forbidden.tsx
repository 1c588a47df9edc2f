import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";

/**
 * The 403 page. Next's forbidden() would also set the status, but it needs the experimental
 * authInterrupts flag (and its start-up warning); the refusal itself is what matters, and the
 * actions re-check it, so the page says it plainly instead.
 */
export function Forbidden({ who }: { who: string }) {
  return (
    <section className="mx-auto max-w-xl rounded-xl border border-amber-300 bg-white p-8">
      <p className="font-mono text-sm text-amber-700">403 · Forbidden</p>
      <h1 className="mt-2 text-2xl font-semibold">Admins only</h1>
      <p className="mt-3 text-sm text-slate-700">
        You are logged in as {who}, which is not an admin account. The admin console shows every user and the audit log, so it is
        open to admins only.
      </p>
      <p className="mt-4 text-sm">
        <Link href="/" className={inlineLink}>
          Back to the home page
        </Link>
      </p>
    </section>
  );
}

import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { labsEnabled } from "@/lib/labs/enabled";
import { BROWSER_LABS } from "@/lib/labs/browser-labs";
import { labCatalog } from "@/lib/labs/catalog";
import { LAB_IDS } from "@/lib/labs/types";

/** LABS_ENABLED is read per request, never baked in at build time: hence connection(). */
export default async function Layout({ children }: { children: React.ReactNode }): Promise<React.ReactNode> {
  await connection();
  if (!labsEnabled()) notFound();
  return (
    <>
      <nav aria-label="Labs" className="mb-8 flex flex-wrap items-center gap-4 text-sm">
        <Link href="/labs" className="font-medium text-slate-900">
          Labs
        </Link>
        {LAB_IDS.map((id) => (
          <Link key={id} href={`/labs/${id}`} className="text-slate-600 hover:text-slate-900">
            {labCatalog[id].title}
          </Link>
        ))}
        {BROWSER_LABS.map((lab) => (
          <Link key={lab.href} href={lab.href} className="text-slate-600 hover:text-slate-900">
            {lab.title}
          </Link>
        ))}
      </nav>
      {children}
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";

// Its own title: a tab or a bookmark of a wrong address must not say it is the home page.
export const metadata: Metadata = { title: "Page not found" };

/** The site's own 404, inside the layout: the menu stays, and there is a way on. */
export default function NotFound(): React.ReactNode {
  return (
    <section className="max-w-xl space-y-4">
      <p className="font-mono text-sm text-slate-500">404</p>
      <h1 className="text-3xl font-semibold tracking-tight">Page not found</h1>
      <p className="text-slate-700">There is no page at this address. The two modes, the comparison and the labs are all one click away:</p>
      <ul className="flex flex-wrap gap-4 text-sm">
        <li>
          <Link href="/" className="underline">
            Home
          </Link>
        </li>
        <li>
          <Link href="/compare" className="underline">
            Compare
          </Link>
        </li>
        <li>
          <Link href="/labs" className="underline">
            Labs
          </Link>
        </li>
      </ul>
    </section>
  );
}

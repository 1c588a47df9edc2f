"use client";

import Link from "next/link";

/**
 * The site's own error page, inside the layout. It shows Next's digest (an id to find the
 * server log line by), never the error's message: that could carry library text.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }): React.ReactNode {
  return (
    <section role="alert" className="max-w-xl space-y-4">
      <h1 className="text-3xl font-semibold tracking-tight">Something went wrong</h1>
      <p className="text-slate-700">
        The page could not be shown. Nothing you did was lost{error.digest ? <> — the server log has the details under <code className="font-mono">{error.digest}</code></> : null}.
      </p>
      <div className="flex gap-4 text-sm">
        <button type="button" onClick={reset} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700">
          Try again
        </button>
        <Link href="/" className="self-center underline">
          Home
        </Link>
      </div>
    </section>
  );
}

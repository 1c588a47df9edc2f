import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { LocalTime } from "@/app/components/LocalTime";
import type { LabResult } from "@/lib/labs/types";
import { perMode, type CompareRow } from "./compare-row";
import { Command } from "@/app/components/Command";

/**
 * The three claims every comparison table makes that only a browser or a fleet can show:
 * each cell links to the lab that shows it happening (and says what the latest fleet-lab runs saw).
 */

const small = "mt-1 block text-xs text-slate-500";

function See({ href, what }: { href: string; what: string }) {
  return (
    <span className={small}>
      Live evidence: <Link href={href} className={inlineLink}>{what}</Link>
    </span>
  );
}

/** What the latest run of a fleet-only lab saw, or how to get one. */
function latestVerdict(result: LabResult | null, mode: "session" | "jwt"): React.ReactNode {
  if (!result) return <span className={small}>Not run on this server yet (needs <Command inline command="npm run fleet" />).</span>;
  const { verdict } = result.columns[mode];
  return (
    <span className={small}>
      Latest run, <LocalTime at={result.finishedAt} />: <code className="font-mono">{verdict.outcome}</code> — {verdict.headline}
    </span>
  );
}

export function labRows(fleet: LabResult | null, sticky: LabResult | null): CompareRow[] {
  return [
    {
      id: "cross-domain",
      label: "Across origins and sites",
      hint: "another site's page calls this API from the browser",
      cells: {
        session: <>The cookie stays home: <code>SameSite=Lax</code> keeps it off cross-site requests, and no credentialed answer is exposed (no <code>Access-Control-Allow-Credentials</code>).<See href="/labs/cross-origin" what="the cross-origin lab" /></>,
        jwt: <>The page sends the token it holds as Bearer; it works where CORS allowlists that origin for <code>Authorization</code>.<See href="/labs/cross-origin" what="the cross-origin lab" /></>,
      },
    },
    {
      id: "storage",
      label: "Where the credential is kept in the browser",
      hint: "what a script injected into a page can do",
      cells: perMode((mode) => (
        <>
          {mode === "session"
            ? "An httpOnly cookie: a script cannot read it, but the browser still attaches it to the script's own same-origin requests."
            : "Here an httpOnly cookie too; kept in localStorage or a readable cookie, the same token would be stolen outright."}
          <See href="/labs/storage" what="the storage lab" />
        </>
      )),
    },
    {
      id: "scaling",
      label: "More than one instance",
      hint: "a logout on one instance, replayed on every other; the instance a user was pinned to dies",
      cells: perMode((mode) => (
        <>
          {mode === "session"
            ? "Every instance reads the same Session table: a logout anywhere is refused everywhere on the next request, and when an instance dies another one serves its users — no sticky sessions needed. A store in one process's memory would need them, and lose its users with the process."
            : "Every instance verifies alone; the shared denylist refuses a logged-out token everywhere, a service with only the JWKS refuses it (not its audience) and accepts only its own ≤ 60 s tokens, until their exp. Any instance can serve any token: nothing to pin, nothing lost when one dies."}
          {latestVerdict(fleet, mode)}
          <See href="/labs/fleet" what="the fleet lab" />
          {latestVerdict(sticky, mode)}
          <See href="/labs/sticky-sessions" what="the sticky-sessions lab" />
          <span className={small}>At 1,000 to 1,000,000 requests per second, and 1,000 instances: <Link href="/scale" className={inlineLink}>the capacity model and simulation</Link></span>
        </>
      )),
    },
  ];
}

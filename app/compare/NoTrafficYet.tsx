import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { AUTH_MODES } from "@/lib/auth/types";
import { Command } from "@/app/components/Command";

/** Shown instead of invented numbers: how to make this server measure something. */
export function NoTrafficYet(): React.ReactNode {
  return (
    <section aria-labelledby="no-traffic" className="rounded-xl border border-amber-300 bg-amber-50 p-6 text-sm">
      <h2 id="no-traffic" className="font-semibold">
        Nothing measured yet
      </h2>
      <p className="mt-1">This server process has not checked a credential since it started. To produce the numbers below:</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5">
        <li>
          Log in to both modes:{" "}
          {AUTH_MODES.map((mode, index) => (
            <span key={mode}>
              {index > 0 ? " and " : ""}
              <Link href={`/${mode}/login`} className={inlineLink}>{mode} login</Link>
            </span>
          ))}
          .
        </li>
        <li>Open the dashboards and inspectors, reload them a few times, or call <code className="font-mono">/api/&lt;mode&gt;/me</code>.</li>
        <li>
          Run the <Link href="/labs" className={inlineLink}>labs</Link> for the revocation and downstream rows.
        </li>
        <li>
          <Command inline command="npm run bench" /> times the checks in isolation, in processes of its own: its table prints in the
          terminal, not here.
        </li>
      </ol>
    </section>
  );
}

import Link from "next/link";
import { inlineLink } from "@/app/components/link-style";
import { modeStyle } from "@/app/components/mode-style";
import { formatSeconds } from "@/lib/format/units";
import { AUTH_MODES } from "@/lib/auth/types";
import type { RevocationLag } from "@/lib/labs/store";
import { STOLEN_CREDENTIAL_LAB } from "../evidence-rows";
import { BarChart, type BarRow } from "./BarChart";

/** How long a copied credential kept working after logout, here and at a key-only service. */

function lagText(seconds: number | null): string {
  if (seconds === null) return "not measured";
  return seconds === 0 ? "0 s: refused at once" : `${formatSeconds(seconds)}: until exp`;
}

export function RevocationChart({ lag }: { lag: RevocationLag | null }): React.ReactNode {
  const rows: BarRow[] = AUTH_MODES.flatMap((mode) => [
    { label: `${modeStyle[mode].label}, this app`, value: lag?.app[mode] ?? null, text: lagText(lag?.app[mode] ?? null), tone: mode },
    { label: `${modeStyle[mode].label}, downstream`, value: lag?.downstream[mode] ?? null, text: lagText(lag?.downstream[mode] ?? null), tone: mode, light: true },
  ]);
  const source = lag ? `1 run of the stolen-credential lab, ${lag.ranAt}, JWT_REVOCATION_CHECK=${lag.revocationCheck}` : "no run of the stolen-credential lab yet";
  return (
    <BarChart
      id="chart-revocation"
      title="Revocation lag after logout"
      rows={rows}
      format={formatSeconds}
      atLeast={60}
      description={`Seconds a copy of the credential kept working after logout here, and a copy of the ≤ 60 s token exchanged for it at a downstream service holding only the key, from ${source}. ${rows.map((one) => `${one.label}: ${one.text}`).join(". ")}.`}
      samples={
        <>
          From {lag ? <>1 run of the <Link href={STOLEN_CREDENTIAL_LAB} className={inlineLink}>stolen-credential lab</Link>, <time dateTime={lag.ranAt}>{lag.ranAt}</time>, JWT_REVOCATION_CHECK={lag.revocationCheck}</> : <>no run yet: <Link href={STOLEN_CREDENTIAL_LAB} className={inlineLink}>run the stolen-credential lab</Link> to measure it</>}. Downstream: a service that holds only the key (<code className="font-mono">/api/downstream/&lt;mode&gt;</code>); it refuses the app&apos;s own credential, and a copied downstream token works there until its exp (≤ 60 s).
        </>
      }
    />
  );
}

import type { Metadata } from "next";
import { connection } from "next/server";
import { inlineLink } from "@/app/components/link-style";
import { gateAdminPage } from "@/app/admin/page-gate";
import { listSigningKeys, rotationPolicy } from "@/lib/auth/jwt/keys/admin";
import { getConfig } from "@/lib/env";
import { RetireButton } from "./RetireButton";
import { RotateButton } from "./RotateButton";
import { LocalTime } from "@/app/components/LocalTime";
import { CellLabel } from "@/app/admin/CellLabel";

export const metadata: Metadata = { title: "Signing keys" };

export default async function KeysPage(): Promise<React.ReactNode> {
  await connection();
  // Admins of either mode; anyone else logged in gets the 403 of app/admin/forbidden.tsx.
  await gateAdminPage("/admin/keys");
  const now = new Date();
  const keys = await listSigningKeys(now);
  const policy = rotationPolicy();
  const cell = "block py-1 md:table-cell md:py-2 md:pr-4";
  return (
    <div className="space-y-6">
      <div className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-semibold">Signing keys</h1>
        <p className="text-slate-600">
          JWT_ALG={getConfig().JWT_ALG}. A new key is published at {/* A plain link: JSON, not a page the router could prefetch or render. */}
          <a href="/.well-known/jwks.json" className={inlineLink}>/.well-known/jwks.json</a>{" "}
          {policy.publishLeadSeconds} s before it signs (JWKS max-age {policy.jwksMaxAgeSeconds} s, plus one reload of every instance); the key it
          replaces keeps verifying for {policy.verifyTailSeconds} s (access-token lifetime + clock skew), then retires.
        </p>
        <p className="text-slate-600">
          A key that leaked is retired at once with &ldquo;Retire now&rdquo;: this instance refuses its tokens from the next check, every other
          instance within {policy.keyReloadSeconds} s, the downstream service at its next JWKS refresh. Retiring the key that signs makes
          another sign at once.
        </p>
      </div>
      <RotateButton />
      {/* Cards on a phone (each cell labelled), a table from md up: the 43-character kid and three
          times made a seven-column table twice a phone's width. */}
      <table className="block w-full border-collapse text-left text-sm md:table">
        <caption className="sr-only">Signing keys, newest first</caption>
        <thead className="hidden md:table-header-group">
          <tr className="border-b border-slate-300">
            {["Generation", "kid", "State", "Created", "Signs from", "Retires at", ""].map((title) => (
              <th key={title} scope="col" className="py-2 pr-4 font-medium">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block md:table-row-group">
          {keys.map((key) => (
            <tr key={key.kid} className="block border-b border-slate-200 py-2 md:table-row md:py-0">
              <td className={cell}><CellLabel>Generation</CellLabel>{key.generation}</td>
              <td className={`${cell} font-mono text-xs [overflow-wrap:anywhere]`}><CellLabel>kid</CellLabel>{key.kid}</td>
              <td className={`${cell} font-medium`}><CellLabel>State</CellLabel>{key.state}</td>
              <td className={`${cell} text-xs`}><CellLabel>Created</CellLabel><LocalTime at={key.createdAt} /></td>
              <td className={`${cell} text-xs`}><CellLabel>Signs from</CellLabel><LocalTime at={key.activatesAt} /></td>
              <td className={`${cell} text-xs`}><CellLabel>Retires at</CellLabel><LocalTime at={key.retiresAt} never="—" /></td>
              <td className={cell}><RetireButton kid={key.kid} retired={key.state === "retired"} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

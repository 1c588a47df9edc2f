import type { CredentialView } from "@/lib/auth/types";
import { LocalTime } from "./LocalTime";
import { isPartRole, partStyle } from "./part-style";

/** RFC 7519 NumericDate claims: seconds since the epoch, shown as dates beside the JSON. */
const DATE_CLAIMS = ["iat", "nbf", "exp"] as const;

function datesIn(value: unknown): [string, string][] {
  if (typeof value !== "object" || value === null) return [];
  const claims = value as Record<string, unknown>;
  return DATE_CLAIMS.flatMap((name) => (typeof claims[name] === "number" ? [[name, new Date(claims[name] * 1000).toISOString()] as [string, string]] : []));
}

/** What the credential gives away without any key: each decoded part, exactly as decoded. */
export function DecodedParts({ view }: { view: CredentialView }): React.ReactNode {
  const parts = Object.entries(view.readable);
  if (parts.length === 0) {
    return <p className="rounded-md bg-slate-100 px-3 py-2 text-sm">Nothing. Without the server&apos;s key this is random-looking bytes.</p>;
  }
  return (
    <div className="space-y-4">
      {parts.map(([name, value]) => (
        <div key={name} className={isPartRole(name) ? `border-l-4 pl-3 ${partStyle[name].edge}` : undefined}>
          {/* The same colour as the encoded piece it was decoded from, and its name in words. */}
          <h3 className={`text-sm font-medium capitalize ${isPartRole(name) ? partStyle[name].text : ""}`}>{name}</h3>
          <pre aria-label={`Decoded ${name}`} className="mt-1 overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-100">
            {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
          </pre>
          {datesIn(value).length > 0 ? (
            <p className="mt-1 text-xs text-slate-600">
              {datesIn(value).map(([claim, date]) => (
                <span key={claim} className="mr-4">
                  {claim} = <LocalTime at={date} />
                </span>
              ))}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}

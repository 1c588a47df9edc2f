import type { CredentialView } from "@/lib/auth/types";
import { PART_ROLES, partStyle } from "./part-style";

function PartChip({ role }: { role: keyof typeof partStyle }) {
  return <span className={`rounded px-1.5 py-0.5 font-sans text-xs font-medium ring-1 ${partStyle[role].chip}`}>{partStyle[role].label}</span>;
}

/**
 * The credential as sent, each piece in its kind's colour (header, payload, signature), with a
 * legend in words above it and the kind named again in the table: colour is never the only cue.
 */
export function EncodedParts({ view }: { view: CredentialView }): React.ReactNode {
  const present = PART_ROLES.filter((role) => view.parts.some((part) => part.role === role));
  return (
    <>
      <p aria-label="Colour key" className="mb-2 flex flex-wrap items-center gap-2 text-xs text-slate-600">
        Colours:
        {present.map((role) => (
          <PartChip key={role} role={role} />
        ))}
      </p>
      <code aria-label="Cookie value, elided" className="block rounded-md bg-slate-100 p-3 font-mono text-xs break-all">
        {view.parts.map((part, index) => (
          <span key={part.name}>
            {index > 0 ? <span className="text-slate-400">{view.separator}</span> : null}
            <span data-part={part.role} className={`font-semibold ${partStyle[part.role].text}`}>
              {part.shown}
            </span>
          </span>
        ))}
      </code>
      <table className="mt-3 w-full text-left text-xs">
        <caption className="sr-only">Pieces of the credential</caption>
        <thead className="text-slate-500">
          <tr>
            <th scope="col" className="py-1 font-medium">Piece</th>
            <th scope="col" className="py-1 font-medium">Kind</th>
            <th scope="col" className="py-1 font-medium">Bytes</th>
            <th scope="col" className="py-1 font-medium">Shown</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {view.parts.map((part) => (
            <tr key={part.name}>
              <th scope="row" className="py-1 pr-3 font-normal text-slate-600">{part.name}</th>
              <td className="py-1 pr-3"><PartChip role={part.role} /></td>
              <td className="py-1 pr-3 font-mono">{part.bytes}</td>
              <td className={`py-1 font-mono break-all ${partStyle[part.role].text}`}>{part.shown}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

import type { CredentialPartRole } from "@/lib/auth/types";

/**
 * The colours token debuggers taught everyone (jwt.io: header red, payload purple, signature
 * blue), used for a JWT's parts and a session seal's alike, on the encoded string and on the
 * decoded parts. Always with the word beside it: the colour only repeats what the label says.
 */
export const partStyle: Record<CredentialPartRole, { label: string; text: string; chip: string; edge: string }> = {
  header: { label: "header", text: "text-rose-700", chip: "bg-rose-50 text-rose-800 ring-rose-300", edge: "border-rose-500" },
  payload: { label: "payload", text: "text-fuchsia-700", chip: "bg-fuchsia-50 text-fuchsia-800 ring-fuchsia-300", edge: "border-fuchsia-500" },
  signature: { label: "signature", text: "text-sky-700", chip: "bg-sky-50 text-sky-800 ring-sky-300", edge: "border-sky-500" },
};

export const PART_ROLES: CredentialPartRole[] = ["header", "payload", "signature"];

export function isPartRole(name: string): name is CredentialPartRole {
  return (PART_ROLES as string[]).includes(name);
}

import { elideSecret } from "../elide.ts";
import type { CredentialPart, CredentialPartRole, CredentialView } from "../types.ts";

/**
 * iron's seal: `Fe26.2*id*salt*iv*ciphertext*expiration*hmacSalt*hmac`, and iron-session
 * appends `~<version>`. Only the prefix, key id, expiry stamp and version are in the clear;
 * everything else is shown elided, so the page never prints a seal anyone could present.
 */
const FIELDS = ["prefix", "password id", "encryption salt", "iv", "ciphertext", "expiration", "hmac salt", "hmac"] as const;
const PUBLIC: ReadonlySet<string> = new Set(["prefix", "password id", "expiration"]);
/**
 * The seal's pieces in a JWT's terms: what describes the seal (format, key id, expiry stamp:
 * header), what carries the content (salt, iv and the ciphertext of `{sessionId}`: payload),
 * and what proves nobody changed it (the HMAC and its salt: signature).
 */
const ROLE: Record<(typeof FIELDS)[number], CredentialPartRole> = {
  prefix: "header",
  "password id": "header",
  "encryption salt": "payload",
  iv: "payload",
  ciphertext: "payload",
  expiration: "header",
  "hmac salt": "signature",
  hmac: "signature",
};

export function inspectSeal(seal: string): CredentialView {
  const bytes = Buffer.byteLength(seal);
  const [body = "", version] = seal.split("~");
  const pieces = body.split("*");
  const wellFormed = pieces.length === FIELDS.length && pieces[0] === "Fe26.2";
  const parts: CredentialPart[] = wellFormed
    ? pieces.map((piece, index) => {
        const name = FIELDS[index]!; // wellFormed: exactly one piece per field
        return { name, role: ROLE[name], bytes: Buffer.byteLength(piece), shown: PUBLIC.has(name) ? piece : elideSecret(piece) };
      })
    : [{ name: "value", role: "payload", bytes, shown: elideSecret(seal) }];
  if (wellFormed && version !== undefined) parts.push({ name: "version (after ~)", role: "header", bytes: Buffer.byteLength(version), shown: version });
  return {
    format: "iron-session seal (Fe26.2: AES-256-CBC + HMAC-SHA-256)",
    bytes,
    parts,
    separator: "*",
    readable: {},
    summary: "Encrypted and authenticated: a reader learns nothing of the user, only the seal's own expiry stamp. It points at a row the server can delete.",
  };
}

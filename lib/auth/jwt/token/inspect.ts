import "server-only";

import { decodeJwt, decodeProtectedHeader } from "jose";
import { elideSecret } from "../../elide.ts";
import type { CredentialView } from "../../types.ts";

/**
 * A JWT is signed, not encrypted: anyone holding it can read header and payload. The
 * signature is what makes it replayable, so it is only ever shown elided — not even in
 * `readable`: header and payload re-serialise to the very same base64url, and with the
 * signature beside them the page would have printed the whole token after all.
 */
export function inspectJwt(token: string): CredentialView {
  const bytes = Buffer.byteLength(token);
  try {
    const header = decodeProtectedHeader(token);
    const payload = decodeJwt(token);
    const [encodedHeader = "", encodedPayload = "", signature = ""] = token.split(".");
    return {
      format: "JWS compact serialisation (header.payload.signature, base64url)",
      bytes,
      parts: [
        { name: "header", role: "header", bytes: encodedHeader.length, shown: encodedHeader },
        { name: "payload", role: "payload", bytes: encodedPayload.length, shown: encodedPayload },
        { name: "signature", role: "signature", bytes: signature.length, shown: elideSecret(signature) },
      ],
      separator: ".",
      readable: { header, payload },
      summary: "Readable by anyone who holds it; valid for every server with the key until exp, wherever it is replayed.",
    };
  } catch {
    return {
      format: "not a decodable JWT",
      bytes,
      parts: [{ name: "value", role: "payload", bytes, shown: elideSecret(token) }],
      separator: "",
      readable: {},
      summary: "Malformed: no server would accept it.",
    };
  }
}

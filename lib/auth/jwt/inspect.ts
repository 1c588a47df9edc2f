import "server-only";

import { decodeJwt, decodeProtectedHeader } from "jose";
import type { CredentialView } from "../types.ts";

/** A JWT is signed, not encrypted: anyone holding it can read header and payload. */
export function inspectJwt(token: string): CredentialView {
  const bytes = Buffer.byteLength(token);
  try {
    const header = decodeProtectedHeader(token);
    const payload = decodeJwt(token);
    const signature = token.split(".")[2] ?? "";
    return {
      format: "JWS compact serialisation (header.payload.signature, base64url)",
      bytes,
      readable: { header, payload, signature },
      summary: "Readable by anyone who holds it; valid for every server with the key until exp, wherever it is replayed.",
    };
  } catch {
    return { format: "not a decodable JWT", bytes, readable: {}, summary: "Malformed: no server would accept it." };
  }
}

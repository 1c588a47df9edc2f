import "server-only";

import { createHash, randomBytes } from "node:crypto";

/** 256 bits from the CSPRNG (OWASP asks for ≥64 bits of entropy; we have no reason to be stingy). */
export function newSessionSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The database keys a session by the SHA-256 of its secret: a copy of the table (backup,
 * SQL injection elsewhere) holds nothing that can be replayed as a cookie. A plain hash is
 * enough because the input is 256 random bits, not a password.
 */
export function sessionRowId(secret: string): string {
  return createHash("sha256").update(secret).digest("base64url");
}

import { z } from "zod";

/** The shapes several configuration variables share (lib/env-schema.ts): durations, secrets, origin lists. */

export const seconds = (fallback: number, min: number, max: number): z.ZodDefault<z.ZodCoercedNumber<unknown>> =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const secret = (name: string): z.ZodString =>
  z
    .string({ error: `${name} is required (npm start generates a local one into .env.local)` })
    // Bytes for the key, characters because iron-session counts its password in characters.
    .refine((value) => decodedLength(value) >= 32 && value.length >= 32, `${name} must encode at least 32 bytes`);

/** Comma-separated origins (scheme://host[:port], nothing after): an empty list when unset. */
export const originList = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(",").map((origin) => origin.trim()).filter((origin) => origin !== ""))
  .pipe(
    z
      .array(
        z
          .url({ protocol: /^https?$/ })
          .refine(isBareOrigin, "each entry must be an origin: scheme://host[:port], no path, query or credentials")
          // Lower-case, default port dropped: the form a browser's Origin header takes.
          .transform((value) => (URL.canParse(value) ? new URL(value).origin : value)),
      )
      .max(32),
  );

function isBareOrigin(value: string): boolean {
  // Zod runs this check after a failed URL check too: an unparsable entry is reported by that one.
  if (!URL.canParse(value)) return true;
  const url = new URL(value);
  return url.pathname === "/" && !url.search && !url.hash && !url.username && !url.password && !/[?#]$/.test(value);
}

/** Secrets are base64url (as generated) or any string of ≥32 bytes. */
function decodedLength(value: string): number {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return Buffer.from(value, "base64url").length;
  return Buffer.byteLength(value, "utf8");
}

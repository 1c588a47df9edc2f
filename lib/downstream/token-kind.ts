import { z } from "zod";
import { AUTH_MODES } from "../auth/modes.ts";
import { BASE_REQUIRED_CLAIMS, baseClaimsSchema, type TokenKind } from "../auth/jwt/token/policy.ts";

/**
 * The one kind of token the downstream service accepts: minted by the app's token exchange
 * (lib/auth/downstream-token.ts) for a credential the app has just checked, named for the
 * downstream audience alone and short-lived. What the app mints and what the service accepts are
 * this one definition. Database-free: the service imports it.
 */

/** The longest a downstream token lives (RFC 8693 in spirit: a one-hop ticket, not a login). */
export const DOWNSTREAM_TOKEN_MAX_SECONDS = 60;

export const downstreamClaimsSchema = baseClaimsSchema.extend({
  /** Which mode's credential bought it: shown, never trusted for anything. */
  src: z.enum(AUTH_MODES),
});
export type DownstreamClaims = z.infer<typeof downstreamClaimsSchema>;

export const downstreamTokenKind: TokenKind<DownstreamClaims> = {
  claims: downstreamClaimsSchema,
  requiredClaims: [...BASE_REQUIRED_CLAIMS, "src"],
};

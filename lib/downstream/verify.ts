import { verifyUnderPolicy, type PolicyResult, type RecipientRules } from "../auth/jwt/token/policy.ts";
import type { DownstreamKeySet } from "./key-set.ts";
import { downstreamTokenKind, type DownstreamClaims } from "./token-kind.ts";

/**
 * What the downstream service checks: the app's own verification policy (lib/auth/jwt/token/policy.ts)
 * — header, algorithm per key, iss, typ, its own audience alone, required claims, iat and
 * lifetime bounds — with a key from the JWKS it was told to trust and the lifetime it accepts
 * (a downstream token's, ≤ 60 s). What it cannot know is anything that changed after issue
 * (logout, role change): that is why its tokens are short-lived and minted for it alone.
 */

export type DownstreamRules = RecipientRules;

export type DownstreamVerdict = PolicyResult<DownstreamClaims>;

export function verifyDownstreamToken(token: string, keySet: DownstreamKeySet, rules: DownstreamRules, now: Date): Promise<DownstreamVerdict> {
  return verifyUnderPolicy(token, (header) => keySet.choose(header), { ...rules, ...downstreamTokenKind }, now);
}

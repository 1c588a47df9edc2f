import type { Measure, Verdict } from "../types.ts";

/**
 * The key-rotation lab's judgement, from what the lab's key set and verifiers answered. A
 * rotation keeps its promise when: the new key is published before it signs, a verifier that
 * cached the JWKS before the switch already knows the new key, the old key verifies its last
 * token until that token's exp, and the retired key verifies nothing afterwards.
 */

export interface RotationObservation {
  oldKid: string;
  newKid: string;
  /** Kids the JWKS published right after the rotation. */
  publishedAfterRotate: string[];
  /** The kid that signed right after the rotation (before the publish lead passed). */
  signedBeforeLead: string;
  /** The kid that signed once the publish lead passed. */
  signedAfterLead: string;
  /** A JWKS-only verifier, with the copy fetched at rotation, given the new key's token. */
  cachedJwksNewToken: string;
  /** The app's verifier, given the old key's last token one second before that token's exp. */
  oldTokenLastSecond: string;
  /** The app's verifier and a JWKS-only verifier (fresh JWKS), given that token once the old key retired. */
  oldTokenRetiredApp: string;
  oldTokenRetiredJwks: string;
}

const accepted = (code: string) => code === "accepted";

export function judgeKeyRotation(seen: RotationObservation): { verdict: Verdict; measures: Record<string, Measure> } {
  const measures = {
    publishedBeforeSigning: seen.publishedAfterRotate.includes(seen.newKid) && seen.signedBeforeLead === seen.oldKid,
    newKeySignsAfterLead: seen.signedAfterLead === seen.newKid,
    cachedJwksKnewNewKey: accepted(seen.cachedJwksNewToken),
    oldTokenValidUntilExp: accepted(seen.oldTokenLastSecond),
    retiredKeyRefused: !accepted(seen.oldTokenRetiredApp) && !accepted(seen.oldTokenRetiredJwks),
  };
  const reasonCodes = [seen.cachedJwksNewToken, seen.oldTokenLastSecond, seen.oldTokenRetiredApp, seen.oldTokenRetiredJwks];
  const verdict = (outcome: string, tone: Verdict["tone"], headline: string) => ({ measures, verdict: { outcome, tone, headline, reasonCodes } });
  if (!measures.publishedBeforeSigning) {
    return verdict("signed_before_published", "exposed", "The new key signed before it was published in the JWKS: verifiers with a cached JWKS refuse its tokens.");
  }
  if (!measures.newKeySignsAfterLead) return verdict("rotation_stuck", "degraded", "Once the publish lead had passed, the old key was still signing: the rotation never took effect.");
  if (!measures.cachedJwksKnewNewKey) {
    return verdict("new_key_unknown_downstream", "exposed", `A verifier holding the JWKS fetched at rotation refused the new key's token (${seen.cachedJwksNewToken}).`);
  }
  if (!measures.oldTokenValidUntilExp) {
    return verdict("valid_token_refused", "exposed", `The old key's last token was refused before its exp (${seen.oldTokenLastSecond}): the rotation cut off valid tokens.`);
  }
  if (!measures.retiredKeyRefused) return verdict("retired_key_accepted", "exposed", "A token of the retired key was still accepted after retirement.");
  return verdict(
    "rotated_without_refusal",
    "safe",
    `The new key was published before it signed, a JWKS cached at rotation already verified its tokens, the old key's last token verified until its exp, and after retirement the old key was refused (${seen.oldTokenRetiredApp}, ${seen.oldTokenRetiredJwks}).`,
  );
}

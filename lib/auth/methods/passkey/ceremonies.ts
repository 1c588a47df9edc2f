import "server-only";

import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { errorText, logEvent } from "../../../log.ts";
import { CHALLENGE_TTL_MS } from "./challenges.ts";
import type { RelyingParty } from "./relying-party.ts";
import type { NewPasskey, StoredPasskey } from "./store.ts";

/**
 * The two WebAuthn ceremonies, free of Next and of the database: values in, values out.
 * Resident keys (the login page asks for no e-mail: the authenticator offers its passkeys) and
 * user verification required (a PIN or biometric, so a passkey alone is two factors), no
 * attestation (we trust the key, not its maker). The library's errors never reach a response:
 * a forged or broken response is one stable code, the detail only in the log.
 */

/** ES256 and EdDSA, then RS256 for Windows Hello: what authenticators actually make. */
const ALGORITHMS = [-7, -8, -257];

export function registrationOptions(party: RelyingParty, user: { id: string; email: string; name: string }, existing: StoredPasskey[]): Promise<PublicKeyCredentialCreationOptionsJSON> {
  return generateRegistrationOptions({
    rpName: party.rpName,
    rpID: party.rpID,
    // The user handle is our user id (a random UUID, no personal data): sign-in maps it back.
    userID: isoBase64URL.toBuffer(isoBase64URL.fromUTF8String(user.id)),
    userName: user.email,
    userDisplayName: user.name,
    timeout: CHALLENGE_TTL_MS,
    attestationType: "none",
    excludeCredentials: existing.map((passkey) => ({ id: passkey.id, transports: passkey.transports as AuthenticatorTransport[] })),
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    supportedAlgorithmIDs: ALGORITHMS,
  });
}

export function authenticationOptions(party: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
  // No allowCredentials: a discoverable ceremony, the authenticator says who.
  return generateAuthenticationOptions({ rpID: party.rpID, userVerification: "required", timeout: CHALLENGE_TTL_MS });
}

/** The challenge the browser signed, read from clientDataJSON; null when it is not there. */
export function signedChallenge(response: { response: { clientDataJSON: string } }): string | null {
  try {
    const clientData: unknown = JSON.parse(isoBase64URL.toUTF8String(response.response.clientDataJSON));
    const challenge = (clientData as { challenge?: unknown }).challenge;
    return typeof challenge === "string" && challenge.length > 0 && challenge.length <= 256 ? challenge : null;
  } catch {
    return null; // not base64url JSON: a broken or forged response, answered as such
  }
}

export async function verifyRegistration(party: RelyingParty, response: RegistrationResponseJSON, challenge: string, name: string): Promise<NewPasskey | null> {
  try {
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: party.origin,
      expectedRPID: party.rpID,
      requireUserVerification: true,
    });
    if (!verification.verified) return null;
    const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
    return {
      id: credential.id,
      publicKey: isoBase64URL.fromBuffer(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      name,
    };
  } catch (error) {
    logEvent("passkey_registration_refused", { error: errorText(error) }, "warn");
    return null;
  }
}

export type AssertionCheck = { ok: true; newCounter: number } | { ok: false; reason: "passkey_invalid" | "passkey_counter_regressed" };

/**
 * Checks signature, origin, RP ID, user verification, challenge and counter. A counter that
 * did not grow, where the authenticator counts at all, means two copies of one private key
 * (a cloned authenticator, WebAuthn §6.1.1): refused, and logged for the owner's operator.
 */
export async function verifyAssertion(party: RelyingParty, response: AuthenticationResponseJSON, challenge: string, passkey: StoredPasskey): Promise<AssertionCheck> {
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: party.origin,
      expectedRPID: party.rpID,
      requireUserVerification: true,
      // The counter is judged below, by us, so the refusal has its own code (not a library message).
      credential: { id: passkey.id, publicKey: isoBase64URL.toBuffer(passkey.publicKey), counter: 0, transports: passkey.transports as AuthenticatorTransport[] },
    });
    if (!verification.verified) return { ok: false, reason: "passkey_invalid" };
    const { newCounter } = verification.authenticationInfo;
    if (counterRegressed(passkey.counter, newCounter)) {
      logEvent("passkey_counter_regressed", { passkeyId: passkey.id, userId: passkey.userId, stored: passkey.counter, presented: newCounter }, "warn");
      return { ok: false, reason: "passkey_counter_regressed" };
    }
    return { ok: true, newCounter };
  } catch (error) {
    logEvent("passkey_assertion_refused", { error: errorText(error) }, "warn");
    return { ok: false, reason: "passkey_invalid" };
  }
}

/** WebAuthn §6.1.1: an authenticator that never counts says 0 every time; one that counts must grow. */
export function counterRegressed(stored: number, presented: number): boolean {
  return (stored > 0 || presented > 0) && presented <= stored;
}

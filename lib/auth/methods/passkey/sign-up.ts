import "server-only";

import { randomUUID } from "node:crypto";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { isDatabaseUnavailable } from "../../../db-errors.ts";
import { logEvent } from "../../../log.ts";
import { chargeSignUpAttempt } from "../../../register/throttle.ts";
import { sharedState } from "../../../state/index.ts";
import { findUserById, normalizeEmail } from "../../../users.ts";
import { refusePlainHttpLogin } from "../../insecure-login.ts";
import { requestMeta } from "../../request.ts";
import type { AuthMode } from "../../types.ts";
import { completeSignIn, signInStoreUnavailable } from "../complete-sign-in.ts";
import { registrationOptions, signedChallenge, verifyRegistration } from "./ceremonies.ts";
import { rememberChallenge, takeChallenge } from "./challenges.ts";
import type { PasskeyOutcome } from "./outcome.ts";
import { currentRelyingParty } from "./party.ts";
import type { OptionsAnswer } from "./register.ts";
import { createUserWithPasskey } from "./store.ts";

/**
 * Sign-up with a passkey only: no password row is ever made. The account is created when the
 * registration verifies, not when the options are asked for, so an abandoned ceremony leaves
 * nothing behind. The user id is chosen up front because it is the passkey's user handle.
 */

export type SignUpOptionsAnswer = OptionsAnswer | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number };

export async function passkeySignUpOptions(input: { email: string; name: string }): Promise<SignUpOptionsAnswer> {
  const party = await currentRelyingParty();
  if (!party.ok) return { ok: false, reason: "origin_not_allowed", message: party.message };
  const email = normalizeEmail(input.email);
  const meta = await requestMeta();
  // The password sign-up's throttle: one budget per address and client, whichever method.
  const throttle = await chargeSignUpAttempt(email, meta.ip, meta.now);
  if (!throttle.allowed) return { ok: false, reason: "too_many_attempts", retryAfterSeconds: throttle.retryAfterSeconds };
  const user = { id: randomUUID(), email, name: input.name };
  const options = await registrationOptions(party.party, user, []);
  await rememberChallenge(sharedState(), options.challenge, { purpose: "sign-up", userId: user.id, email, name: input.name });
  return { ok: true, options };
}

/** `signedIn: false`: the address was taken — answered like the password sign-up, nobody logged in. */
export type PasskeySignUp = PasskeyOutcome | { ok: true; signedIn: false };

export async function signUpWithPasskey(mode: AuthMode, response: RegistrationResponseJSON): Promise<PasskeySignUp> {
  const insecure = await refusePlainHttpLogin(mode);
  if (insecure) return { ok: false, reason: "insecure_transport", localhostUrl: insecure.localhostUrl };
  const party = await currentRelyingParty();
  if (!party.ok) return { ok: false, reason: "origin_not_allowed", message: party.message };
  const challenge = signedChallenge(response);
  if (!challenge) return { ok: false, reason: "response_malformed" };
  const taken = await takeChallenge(sharedState(), challenge, "sign-up");
  if (!taken.ok) return taken;
  if (taken.intent.purpose !== "sign-up") return { ok: false, reason: "challenge_wrong_purpose" };
  const { userId, email, name } = taken.intent;
  const passkey = await verifyRegistration(party.party, response, challenge, "Passkey");
  if (!passkey) return { ok: false, reason: "registration_invalid" };
  const meta = await requestMeta();
  try {
    if (!(await createUserWithPasskey({ id: userId, email, name }, passkey))) {
      logEvent("register_existing_email", { outcome: "answered as registered, nobody logged in", method: "passkey" }, "info");
      return { ok: true, signedIn: false };
    }
    const user = await findUserById(userId);
    if (!user) return { ok: false, reason: "passkey_unknown" };
    return await completeSignIn(mode, user, meta, "passkey");
  } catch (error) {
    if (isDatabaseUnavailable(error)) return signInStoreUnavailable(mode, "issue", "passkey", error);
    throw error;
  }
}

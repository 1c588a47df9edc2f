import "server-only";

import { randomUUID } from "node:crypto";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { isDatabaseUnavailable } from "../../../db-errors.ts";
import { answerSignUp } from "../../../register/answer.ts";
import { chargeSignUpAttempt } from "../../../register/throttle.ts";
import { sharedState } from "../../../state/index.ts";
import { normalizeEmail } from "../../../users.ts";
import { refusePlainHttpLogin } from "../../insecure-login.ts";
import { requestMeta } from "../../request.ts";
import type { AuthMode } from "../../types.ts";
import { signInStoreUnavailable } from "../complete-sign-in.ts";
import { registrationOptions, verifyRegistration } from "./ceremonies.ts";
import { rememberChallenge } from "./challenges.ts";
import type { PasskeyOutcome } from "./outcome.ts";
import { currentRelyingParty } from "./party.ts";
import { openCeremonyAnswer } from "./ceremony-answer.ts";
import type { OptionsAnswer } from "./register.ts";

/**
 * Sign-up with a passkey only, revealing nothing about the address: once the registration verifies
 * the passkey waits in the pending sign-up and the address gets a message (docs/SECURITY.md,
 * 'Sign-up without enumeration'). The user id is chosen up front: it is the passkey's user handle.
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

/** The verified sign-up was answered "check your e-mail", whichever the address. */
export type PasskeySignUp = Exclude<PasskeyOutcome, { ok: true }> | { ok: true; sent: true };

export async function signUpWithPasskey(mode: AuthMode, response: RegistrationResponseJSON): Promise<PasskeySignUp> {
  // The confirmation link logs in, over the same transport: refused here as a login would be.
  const insecure = await refusePlainHttpLogin(mode);
  if (insecure) return { ok: false, reason: "insecure_transport", localhostUrl: insecure.localhostUrl };
  const taken = await openCeremonyAnswer(response, "sign-up");
  if (!taken.ok) return taken;
  const { party, challenge } = taken;
  if (taken.intent.purpose !== "sign-up") return { ok: false, reason: "challenge_wrong_purpose" };
  const { userId, email, name } = taken.intent;
  const passkey = await verifyRegistration(party, response, challenge, "Passkey");
  if (!passkey) return { ok: false, reason: "registration_invalid" };
  try {
    await answerSignUp({ email, name, mode, credential: { method: "passkey", userId, passkey } }, await requestMeta());
    return { ok: true, sent: true };
  } catch (error) {
    if (isDatabaseUnavailable(error)) return signInStoreUnavailable(mode, "credentials", "passkey", error);
    throw error;
  }
}

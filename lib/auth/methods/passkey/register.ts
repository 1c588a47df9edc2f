import "server-only";

import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { sharedState } from "../../../state/index.ts";
import type { AuthUser } from "../../../users.ts";
import { registrationOptions, verifyRegistration } from "./ceremonies.ts";
import { rememberChallenge } from "./challenges.ts";
import type { PasskeyRefusal } from "./outcome.ts";
import { currentRelyingParty } from "./party.ts";
import { openCeremonyAnswer } from "./ceremony-answer.ts";
import { addPasskey, listPasskeys } from "./store.ts";

/** Adding a passkey to the signed-in user's account, from the dashboard of either mode. */

export type OptionsAnswer = { ok: true; options: PublicKeyCredentialCreationOptionsJSON } | { ok: false; reason: "origin_not_allowed"; message: string };

export async function passkeyRegistrationOptions(user: AuthUser): Promise<OptionsAnswer> {
  const party = await currentRelyingParty();
  if (!party.ok) return { ok: false, reason: "origin_not_allowed", message: party.message };
  // The user's own passkeys are excluded: the same authenticator twice would be one key, two rows.
  const options = await registrationOptions(party.party, user, await listPasskeys(user.id));
  await rememberChallenge(sharedState(), options.challenge, { purpose: "register", userId: user.id });
  return { ok: true, options };
}

export type PasskeyAdded = { ok: true; id: string; name: string } | { ok: false; reason: PasskeyRefusal } | { ok: false; reason: "origin_not_allowed"; message: string };

export async function registerPasskey(user: AuthUser, response: RegistrationResponseJSON, name: string): Promise<PasskeyAdded> {
  const taken = await openCeremonyAnswer(response, "register");
  if (!taken.ok) return taken;
  const { party, challenge } = taken;
  // A challenge issued to another account (a response relayed from someone else's tab).
  if (taken.intent.purpose !== "register" || taken.intent.userId !== user.id) return { ok: false, reason: "challenge_wrong_purpose" };
  const passkey = await verifyRegistration(party, response, challenge, name);
  if (!passkey) return { ok: false, reason: "registration_invalid" };
  try {
    await addPasskey(user.id, passkey);
  } catch (error) {
    // The same credential id again (P2002): excludeCredentials should have stopped it.
    if ((error as { code?: unknown }).code === "P2002") return { ok: false, reason: "registration_invalid" };
    throw error;
  }
  return { ok: true, id: passkey.id, name: passkey.name };
}

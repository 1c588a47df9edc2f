import "server-only";

import type { AuthenticationResponseJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { isDatabaseUnavailable } from "../../../db-errors.ts";
import { sharedState } from "../../../state/index.ts";
import { findUserById } from "../../../users.ts";
import { refusePlainHttpLogin } from "../../insecure-login.ts";
import { requestMeta } from "../../request.ts";
import type { AuthMode } from "../../types.ts";
import { completeSignIn, signInStoreUnavailable } from "../complete-sign-in.ts";
import { authenticationOptions, verifyAssertion } from "./ceremonies.ts";
import { rememberChallenge } from "./challenges.ts";
import type { PasskeyOutcome } from "./outcome.ts";
import { currentRelyingParty } from "./party.ts";
import { openCeremonyAnswer } from "./ceremony-answer.ts";
import { advancePasskeyCounter, findPasskey } from "./store.ts";

/**
 * The passkey method: the ceremony is the same for both modes (the mode only says which
 * credential completeSignIn issues afterwards). No throttle: there is nothing to guess — a
 * signature from a private key that never left the authenticator.
 */
export async function signInWithPasskey(mode: AuthMode, response: AuthenticationResponseJSON): Promise<PasskeyOutcome> {
  const insecure = await refusePlainHttpLogin(mode);
  if (insecure) return { ok: false, reason: "insecure_transport", localhostUrl: insecure.localhostUrl };
  const taken = await openCeremonyAnswer(response, "sign-in");
  if (!taken.ok) return taken;
  const { party, challenge } = taken;
  const meta = await requestMeta();
  try {
    const passkey = await findPasskey(response.id);
    // The user handle the authenticator returned must name the passkey's owner (§7.2 step 6).
    const handle = response.response.userHandle;
    if (!passkey || (handle && isoBase64URL.toUTF8String(handle) !== passkey.userId)) return { ok: false, reason: "passkey_unknown" };
    const check = await verifyAssertion(party, response, challenge, passkey);
    if (!check.ok) return check;
    // Two sign-ins with one counter value at once (a clone racing the original): one wins.
    if (!(await advancePasskeyCounter(passkey.id, passkey.counter, check.newCounter, meta.now))) return { ok: false, reason: "passkey_counter_regressed" };
    const user = await findUserById(passkey.userId);
    if (!user) return { ok: false, reason: "passkey_unknown" };
    return await completeSignIn(mode, user, meta, "passkey");
  } catch (error) {
    if (isDatabaseUnavailable(error)) return signInStoreUnavailable(mode, "credentials", "passkey", error);
    throw error;
  }
}

export type SignInOptionsAnswer = { ok: true; options: PublicKeyCredentialRequestOptionsJSON } | { ok: false; reason: "origin_not_allowed"; message: string };

/** The same options for either mode's login page: which credential follows is said at the end. */
export async function passkeySignInOptions(): Promise<SignInOptionsAnswer> {
  const party = await currentRelyingParty();
  if (!party.ok) return { ok: false, reason: "origin_not_allowed", message: party.message };
  const options = await authenticationOptions(party.party);
  await rememberChallenge(sharedState(), options.challenge, { purpose: "sign-in" });
  return { ok: true, options };
}

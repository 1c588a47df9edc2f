import "server-only";

import { sharedState } from "../../../state/index.ts";
import { signedChallenge } from "./ceremonies.ts";
import { takeChallenge, type ChallengeIntent } from "./challenges.ts";
import type { PasskeyRefusal } from "./outcome.ts";
import { currentRelyingParty } from "./party.ts";
import type { RelyingParty } from "./relying-party.ts";

export type OpenedAnswer =
  | { ok: true; party: RelyingParty; challenge: string; intent: ChallengeIntent }
  | { ok: false; reason: PasskeyRefusal }
  | { ok: false; reason: "origin_not_allowed"; message: string };

/**
 * The steps every ceremony's answer (register, sign in, sign up) starts with: this origin may
 * hold passkeys, the response names a challenge, and that challenge was ours, unused, for this
 * ceremony — taken, so a replay of the same response finds it gone.
 */
export async function openCeremonyAnswer(response: { response: { clientDataJSON: string } }, purpose: ChallengeIntent["purpose"]): Promise<OpenedAnswer> {
  const party = await currentRelyingParty();
  if (!party.ok) return { ok: false, reason: "origin_not_allowed", message: party.message };
  const challenge = signedChallenge(response);
  if (!challenge) return { ok: false, reason: "response_malformed" };
  const taken = await takeChallenge(sharedState(), challenge, purpose);
  if (!taken.ok) return taken;
  return { ok: true, party: party.party, challenge, intent: taken.intent };
}

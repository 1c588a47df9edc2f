import "server-only";

import { z } from "zod";
import { errorText, logEvent } from "../../../log.ts";
import type { SharedState } from "../../../state/types.ts";

/**
 * WebAuthn challenges: single-use and short-lived, in the shared state (lib/state: Redis in a
 * fleet, so the instance that verifies need not be the one that asked). A record says what
 * the challenge was issued for; a separate counter makes "first use wins" atomic on every
 * home — two instances verifying the same response race on one INCR, and only the first gets 1.
 * After a crash or a Redis restart the challenges are gone: the ceremony simply starts again.
 */

/** Long enough for a person to touch a key or scan a face; the browser's own timeout matches. */
export const CHALLENGE_TTL_MS = 2 * 60 * 1000;

const purposeSchema = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.literal("register"), userId: z.string() }),
  z.object({ purpose: z.literal("sign-in") }),
  z.object({ purpose: z.literal("sign-up"), userId: z.string(), email: z.string(), name: z.string() }),
]);
export type ChallengeIntent = z.infer<typeof purposeSchema>;

const recordKey = (challenge: string) => `passkey:challenge:${challenge}`;
const usedKey = (challenge: string) => `passkey:challenge-used:${challenge}`;

/** The shared state could not be read or written (Redis down): no ceremony can start or finish. */
export class ChallengeStoreUnavailable extends Error {
  constructor(cause: unknown) {
    super("passkey challenge store unavailable", { cause });
    this.name = "ChallengeStoreUnavailable";
  }
}

async function stateCall<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    logEvent("passkey_challenge_store_unavailable", { error: errorText(error) }, "error");
    throw new ChallengeStoreUnavailable(error);
  }
}

export async function rememberChallenge(state: SharedState, challenge: string, intent: ChallengeIntent): Promise<void> {
  await stateCall(() => state.records.set(recordKey(challenge), intent, CHALLENGE_TTL_MS));
}

export type ChallengeTake = { ok: true; intent: ChallengeIntent } | { ok: false; reason: "challenge_used" | "challenge_unknown" | "challenge_wrong_purpose" };

/** Takes the challenge for `purpose`; a second take of the same one (a replay) is refused. */
export async function takeChallenge(state: SharedState, challenge: string, purpose: ChallengeIntent["purpose"]): Promise<ChallengeTake> {
  const uses = await stateCall(() => state.counters.increment(usedKey(challenge), CHALLENGE_TTL_MS));
  if (uses !== 1) return { ok: false, reason: "challenge_used" };
  const parsed = purposeSchema.safeParse(await stateCall(() => state.records.get(recordKey(challenge))));
  await stateCall(() => state.records.delete(recordKey(challenge)));
  if (!parsed.success) return { ok: false, reason: "challenge_unknown" };
  if (parsed.data.purpose !== purpose) return { ok: false, reason: "challenge_wrong_purpose" };
  return { ok: true, intent: parsed.data };
}

import "server-only";

import { getConfig } from "../env.ts";
import { chargeWithinCap } from "../state/limits.ts";
import { sharedState } from "../state/index.ts";

/**
 * Sign-up throttling, in the shared state (Redis with REDIS_URL), so N instances do not give
 * N times the budget. Every attempt is charged — a successful sign-up is as much a probe for
 * an address as a refused one: per e-mail (rotating addresses does not help against one
 * e-mail) and per client address when one is known (TRUST_PROXY). With no trusted address
 * there is no per-client cap: one shared "unknown" bucket would let anyone block every
 * visitor's sign-up.
 */

export type SignUpCharge = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function chargeSignUpAttempt(email: string, client: string | null, now: Date): Promise<SignUpCharge> {
  const config = getConfig();
  const { windows } = sharedState();
  const windowMs = config.LOGIN_FAILURE_WINDOW_SECONDS * 1000;
  const emailKey = `signup:email:${email}`;
  const byEmail = await chargeWithinCap(windows, emailKey, config.SIGNUP_MAX_ATTEMPTS_PER_EMAIL, windowMs, now.getTime());
  if (!byEmail.allowed) return byEmail;
  if (client === null) return { allowed: true };
  const byClient = await chargeWithinCap(windows, `signup:client:${client}`, config.SIGNUP_MAX_ATTEMPTS_PER_CLIENT, windowMs, now.getTime());
  if (byClient.allowed) return { allowed: true };
  // Refused: the e-mail's charge is taken back, so this attempt costs that address nothing.
  await windows.remove(emailKey, byEmail.id);
  return byClient;
}

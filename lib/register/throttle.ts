import { getConfig } from "../env.ts";
import { LoginThrottle, type ThrottleVerdict } from "../auth/login-throttle.ts";

/**
 * Sign-up throttling through the login throttle (lib/auth/login-throttle.ts), behind this one
 * function so a shared (Redis) throttle can replace it in one place. Two instances: per client
 * address (keyed by the address alone, so one client cannot walk through many e-mails) and per
 * e-mail (so rotating X-Forwarded-For does not help against one address). Every attempt is
 * charged: a successful sign-up is as much a probe as a refused one.
 */

const globalForThrottle = globalThis as typeof globalThis & { __svjSignUpThrottles?: { perClient: LoginThrottle; perEmail: LoginThrottle } };

function throttles() {
  const config = getConfig();
  const windowSeconds = config.LOGIN_FAILURE_WINDOW_SECONDS;
  globalForThrottle.__svjSignUpThrottles ??= {
    perClient: new LoginThrottle({ maxFailuresPerClient: config.SIGNUP_MAX_ATTEMPTS_PER_CLIENT, maxFailuresPerAccount: config.SIGNUP_MAX_ATTEMPTS_PER_CLIENT, windowSeconds }),
    perEmail: new LoginThrottle({ maxFailuresPerClient: config.SIGNUP_MAX_ATTEMPTS_PER_EMAIL, maxFailuresPerAccount: config.SIGNUP_MAX_ATTEMPTS_PER_EMAIL, windowSeconds }),
  };
  return globalForThrottle.__svjSignUpThrottles;
}

/** Checks and, when allowed, charges one attempt for this client and this (normalised) e-mail. */
export function chargeSignUpAttempt(email: string, client: string | null, now: Date): ThrottleVerdict {
  const { perClient, perEmail } = throttles();
  const clientKey = `client:${client ?? "?"}`;
  const waits = [perClient.check(clientKey, null, now), perEmail.check(email, null, now)];
  const refused = waits.filter((verdict) => !verdict.allowed);
  if (refused.length > 0) return { allowed: false, retryAfterSeconds: Math.max(...refused.map((verdict) => verdict.retryAfterSeconds)) };
  perClient.recordFailure(clientKey, null, now);
  perEmail.recordFailure(email, null, now);
  return { allowed: true };
}

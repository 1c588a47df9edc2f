import "server-only";

import { getDb } from "../db.ts";
import { logEvent } from "../log.ts";
import { withPassword } from "../auth/methods/password/credentials.ts";
import { burnPasswordCheck, hashPassword } from "../auth/methods/password/hash.ts";
import { spendPasswordHashing } from "../password-budget/budget.ts";
import type { AuthMode, RequestMeta } from "../auth/types.ts";
import { normalizeEmail } from "../users.ts";
import { checkPasswordStrength, personalWords } from "./password-strength.ts";
import type { Registration } from "./schema.ts";
import { chargeSignUpAttempt } from "./throttle.ts";

/**
 * Sign-up without account enumeration (OWASP ASVS 5.0 §6.3.8 intent; Authentication Cheat
 * Sheet). The choice, and its one limit:
 * - A free address and a taken one get the same answer ("registered"), after the same work:
 *   one argon2 hash, one insert attempt (the unique index refuses the taken one, so there is
 *   no read-then-write race either), then one argon2 verify — the sign-in's for a new account,
 *   a burned one for a taken address. The owner of a taken address is not logged in and nothing
 *   about the account changes.
 * - What cannot be the same without an out-of-band channel: a new account is logged in (the
 *   issue asks for that), a taken address is not. A prober sees whether a credential cookie was
 *   set. Per-client and per-e-mail throttling bounds how fast that can be tried; a deployment
 *   that must close it entirely sends a confirmation e-mail and logs nobody in until it is used.
 * - Validation and the strength check run before anything touches the database, so they answer
 *   the same whatever the address.
 */

export type SignUpOutcome =
  | { ok: true; mode: AuthMode }
  | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number }
  | { ok: false; reason: "busy"; retryAfterSeconds: number }
  | { ok: false; reason: "weak_password"; warning: string | null; suggestions: string[] };

/** The login's own path (lib/auth/methods/password/sign-in.ts), handed in so this stays free of Next's request APIs. */
export type SignIn = (mode: AuthMode, credentials: { email: string; password: string }) => Promise<{ ok: boolean }>;

export async function registerAccount(input: Registration, meta: RequestMeta, signIn: SignIn): Promise<SignUpOutcome> {
  const email = normalizeEmail(input.email);
  const throttle = await chargeSignUpAttempt(email, meta.ip, meta.now);
  if (!throttle.allowed) return { ok: false, reason: "too_many_attempts", retryAfterSeconds: throttle.retryAfterSeconds };
  const strength = checkPasswordStrength(input.password, personalWords(email, input.name));
  if (!strength.ok) return { ok: false, reason: "weak_password", warning: strength.warning, suggestions: strength.suggestions };

  // The hash, then the sign-in's verify or the burn: both charged before either runs (the
  // sign-in charges its own as well). The sign-up throttle keeps its count: still an attempt.
  const hashing = spendPasswordHashing(2, "anonymous", meta.now.getTime());
  if (!hashing.ok) return { ok: false, reason: "busy", retryAfterSeconds: hashing.retryAfterSeconds };
  const passwordHash = await hashPassword(input.password);
  const created = await createUser({ email, name: input.name, passwordHash });
  if (!created) {
    await burnPasswordCheck(input.password);
    logEvent("register_existing_email", { outcome: "answered as registered, nobody logged in" }, "info");
    return { ok: true, mode: input.mode };
  }
  const signedIn = await signIn(input.mode, { email, password: input.password });
  // The account exists either way; the visitor lands on the login page instead of the dashboard.
  if (!signedIn.ok) logEvent("register_created_not_signed_in", { note: "the sign-in after sign-up was refused (login throttle?)" });
  return { ok: true, mode: input.mode };
}

/** false when the address is taken (unique index, P2002). */
async function createUser({ passwordHash, ...data }: { email: string; name: string; passwordHash: string }): Promise<boolean> {
  try {
    await getDb().user.create({ data: { ...data, role: "user", ...withPassword(passwordHash) }, select: { id: true } });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return false;
    throw error;
  }
}

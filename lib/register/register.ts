import "server-only";

import { hashPassword } from "../auth/methods/password/hash.ts";
import { spendPasswordHashing } from "../password-budget/budget.ts";
import type { AuthMode, RequestMeta } from "../auth/types.ts";
import { normalizeEmail } from "../users.ts";
import { checkPasswordStrength, personalWords } from "./password-strength.ts";
import { answerSignUp } from "./answer.ts";
import type { Registration } from "./schema.ts";
import { chargeSignUpAttempt } from "./throttle.ts";

/**
 * Sign-up without account enumeration: a free address and a taken one get the same answer after
 * the same work; only the message sent to the address says which (docs/SECURITY.md, 'Sign-up
 * without enumeration'). Validation runs before the database, so it answers alike too.
 */

export type SignUpOutcome =
  | { ok: true; mode: AuthMode }
  | { ok: false; reason: "too_many_attempts"; retryAfterSeconds: number }
  | { ok: false; reason: "busy"; retryAfterSeconds: number }
  | { ok: false; reason: "weak_password"; warning: string | null; suggestions: string[] };

export async function registerAccount(input: Registration, meta: RequestMeta): Promise<SignUpOutcome> {
  const email = normalizeEmail(input.email);
  const throttle = await chargeSignUpAttempt(email, meta.ip, meta.now);
  if (!throttle.allowed) return { ok: false, reason: "too_many_attempts", retryAfterSeconds: throttle.retryAfterSeconds };
  const strength = checkPasswordStrength(input.password, personalWords(email, input.name));
  if (!strength.ok) return { ok: false, reason: "weak_password", warning: strength.warning, suggestions: strength.suggestions };
  // One hash, whichever the address: charged before it runs (the sign-up throttle keeps its count).
  const hashing = spendPasswordHashing(1, "anonymous", meta.now.getTime());
  if (!hashing.ok) return { ok: false, reason: "busy", retryAfterSeconds: hashing.retryAfterSeconds };
  const passwordHash = await hashPassword(input.password);
  await answerSignUp({ email, name: input.name, mode: input.mode, credential: { method: "password", passwordHash } }, meta);
  return { ok: true, mode: input.mode };
}

import "server-only";

import { hash, verify } from "@node-rs/argon2";
import { errorText, logEvent } from "../../../log.ts";
import { processLocal } from "../../../state/process-local.ts";

/**
 * argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's recommended minimum).
 * The parameters are stored in the hash string, so raising them later only affects new hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/**
 * A stored hash argon2 cannot read is a failed check, not a crash of the login page — and an
 * operator's problem (a bad import, a truncated column), so it is logged with a stable code.
 * `subject` names the user in that line; never the password or the hash.
 */
export async function verifyPassword(passwordHash: string, password: string, subject?: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    logEvent("password_hash_unreadable", { userId: subject ?? null, error: errorText(error) }, "error");
    return false;
  }
}

/**
 * Made at start-up, so the first unknown-e-mail login does not pay for it (a timing tell).
 * Per process: instrumentation.ts warms it, and the login code may be another bundle.
 */
export function warmUpPasswordTiming(): Promise<string> {
  return processLocal("password:dummy-hash", () => hash("not-a-real-password-only-for-timing"));
}

/**
 * Spend the same time on an unknown e-mail as on a wrong password, so response timing does
 * not reveal which addresses have accounts (OWASP Authentication Cheat Sheet).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(await warmUpPasswordTiming(), password);
}

import "server-only";

import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's recommended minimum).
 * The parameters are stored in the hash string, so raising them later only affects new hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed login, not a crash of the login page.
    return false;
  }
}

// On globalThis: instrumentation.ts warms it, and the login code may be another bundle.
const globalForHash = globalThis as typeof globalThis & { __svjDummyHash?: Promise<string> };

/** Made at start-up, so the first unknown-e-mail login does not pay for it (a timing tell). */
export function warmUpPasswordTiming(): Promise<string> {
  globalForHash.__svjDummyHash ??= hash("not-a-real-password-only-for-timing");
  return globalForHash.__svjDummyHash;
}

/**
 * Spend the same time on an unknown e-mail as on a wrong password, so response timing does
 * not reveal which addresses have accounts (OWASP Authentication Cheat Sheet).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(await warmUpPasswordTiming(), password);
}

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

let dummyHash: Promise<string> | undefined;

/**
 * Spend the same time on an unknown e-mail as on a wrong password, so response timing does
 * not reveal which addresses have accounts (OWASP Authentication Cheat Sheet).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hash("not-a-real-password-only-for-timing");
  await verifyPassword(await dummyHash, password);
}

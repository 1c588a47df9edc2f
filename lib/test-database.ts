/**
 * Fixture for the *.integration.test.ts files (not a test file itself): throwaway secrets,
 * throwaway users, configuration overrides and cleanup. The runner (scripts/test-runner/) points
 * DATABASE_URL at a fresh migrated and seeded database; every file in a run shares it, so
 * tests make their own users rather than change the demo ones.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { resetCheckCacheForTests } from "./auth/check-cache/index.ts";
import { getDb, onDatabaseQuery } from "./db.ts";
import { resetConfigForTests } from "./env.ts";
import { withPassword } from "./auth/methods/password/credentials.ts";
import { hashPassword } from "./auth/methods/password/hash.ts";
import { closeSharedStateForTests } from "./state/index.ts";
import { toAuthUser, type AuthUser, type Role } from "./users.ts";

// Imports run first, but nothing reads configuration at import time: getConfig() is lazy and
// caches on its first call, which comes after this. The runner's own values win.
process.env.SESSION_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_SECRET ||= randomBytes(32).toString("base64url");
process.env.JWT_KEY_ENCRYPTION_SECRET ||= randomBytes(32).toString("base64url");

export const REDIS_TEST_URL = process.env.REDIS_TEST_URL || "redis://127.0.0.1:6379";
/** Nothing listens on port 1: connecting fails at once, as with a Redis that is down. */
export const UNREACHABLE_REDIS_URL = "redis://127.0.0.1:1";

export const SECOND = 1000;
/** A fixed clock for rows and rules; whole milliseconds survive both databases. */
export const T0 = new Date("2031-03-04T05:06:07.089Z");
export const at = (ms: number, from: Date = T0): Date => new Date(from.getTime() + ms);

const created: string[] = [];

/** A user only this test knows, with a real argon2 hash when a password is given. */
export async function createTestUser(options: { role?: Role; password?: string } = {}): Promise<AuthUser> {
  const row = await getDb().user.create({
    data: {
      email: `it-${randomUUID()}@example.test`,
      name: "Integration Test",
      role: options.role ?? "user",
      // Without a password: no PasswordCredential row, and every password check answers false.
      ...(options.password ? withPassword(await hashPassword(options.password)) : {}),
    },
  });
  created.push(row.id);
  return toAuthUser(row);
}

/** Sets (or, with undefined, removes) variables and makes getConfig() re-read them; returns the undo. */
export function overrideConfig(overrides: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(overrides).map((name) => [name, process.env[name]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    resetConfigForTests();
  };
  apply(overrides);
  return () => apply(previous);
}

/** The queries Prisma reports while `work` runs. */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: number }> {
  let queries = 0;
  const stop = onDatabaseQuery(() => queries++);
  try {
    return { result: await work(), queries };
  } finally {
    stop();
  }
}

/**
 * For `after`: the users made here (their rows cascade), then every open connection — the
 * check cache's subscription and a Redis state included, which would keep the process alive.
 */
export async function cleanUpTestDatabase(): Promise<void> {
  try {
    await getDb().user.deleteMany({ where: { id: { in: created.splice(0) } } });
  } finally {
    await resetCheckCacheForTests();
    await closeSharedStateForTests();
    await getDb().$disconnect();
  }
}

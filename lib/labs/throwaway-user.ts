import "server-only";

import { randomBytes } from "node:crypto";
import { checkTags, invalidateChecks } from "../auth/check-cache/index.ts";
import { getDb } from "../db.ts";
import { withPassword } from "../auth/methods/password/credentials.ts";
import { hashPassword } from "../auth/methods/password/hash.ts";
import type { Role } from "../users.ts";
import { newLabUserId } from "./lab-user-id.ts";

/**
 * Every lab run logs in as a user of its own, never as a demo user: the labs log out,
 * demote and replay, and none of that may touch an account someone is looking at.
 * `.invalid` is reserved (RFC 2606): no such address can ever receive mail. The id marks the
 * user's checks as lab traffic in the metrics (lab-user-id.ts).
 */

export interface ThrowawayUser {
  id: string;
  email: string;
  /** Kept in memory for the run's logins only; never recorded in a transcript. */
  password: string;
  role: Role;
}

export async function createThrowawayUser(role: Role): Promise<ThrowawayUser> {
  const email = `lab-${randomBytes(9).toString("base64url").toLowerCase()}@labs.invalid`;
  const password = randomBytes(24).toString("base64url");
  const row = await getDb().user.create({
    data: { id: newLabUserId(), email, name: "Lab throwaway", role, ...withPassword(await hashPassword(password)) },
    select: { id: true },
  });
  return { id: row.id, email, password, role };
}

/** Its sessions, refresh families and tokens go with it (onDelete: Cascade). */
export async function deleteThrowawayUser(user: ThrowawayUser): Promise<boolean> {
  const { count } = await getDb().user.deleteMany({ where: { id: user.id } });
  // Cascaded deletes end logins too: what the check cache holds for the user goes with them.
  await invalidateChecks([checkTags.user(user.id)]);
  return count === 1;
}

/** Runs `work` with a fresh user and deletes the user afterwards, whatever happened. */
export async function withThrowawayUser<T>(role: Role, work: (user: ThrowawayUser) => Promise<T>): Promise<{ result: T; user: ThrowawayUser; deleted: boolean }> {
  const user = await createThrowawayUser(role);
  let deleted = false;
  let result: T;
  try {
    result = await work(user);
  } finally {
    // Not swallowed: a user that could not be deleted is a failure the caller must see.
    deleted = await deleteThrowawayUser(user);
  }
  return { result, user, deleted };
}

/**
 * Browser labs hand a throwaway user's token to a page and cannot know when the visitor
 * leaves: their users are swept here, at the start of the next run, once older than `age`.
 */
export async function deleteStaleThrowawayUsers(now: Date, ageSeconds: number): Promise<number> {
  const stale = await getDb().user.findMany({
    where: { email: { endsWith: "@labs.invalid" }, createdAt: { lt: new Date(now.getTime() - ageSeconds * 1000) } },
    select: { id: true },
  });
  const ids = stale.map((user) => user.id);
  if (ids.length === 0) return 0;
  const { count } = await getDb().user.deleteMany({ where: { id: { in: ids } } });
  await invalidateChecks(ids.map(checkTags.user));
  return count;
}

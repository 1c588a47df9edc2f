import "server-only";

import { getDb, type Db } from "./db.ts";
import { DEMO_USERS, type DemoUser } from "./demo-users.ts";
import { verifyPassword } from "./auth/methods/password/hash.ts";

/** The demo users that exist here and can log in (not disabled): what the login pages may advertise. */
export async function demoUsersPresent(db: Db = getDb()): Promise<DemoUser[]> {
  const rows = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((user) => user.email) }, disabledAt: null }, select: { email: true } });
  const present = new Set(rows.map((row) => row.email));
  return DEMO_USERS.filter((user) => present.has(user.email));
}

/**
 * The ones whose password is still the published one: a back door on a server others can
 * reach. Checked only at start-up (two argon2 verifies), never per request.
 */
export async function demoUsersWithPublishedPasswords(db: Db = getDb()): Promise<DemoUser[]> {
  const rows = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((user) => user.email) }, disabledAt: null }, select: { email: true, password: { select: { hash: true } } } });
  const published: DemoUser[] = [];
  for (const demo of DEMO_USERS) {
    const row = rows.find((candidate) => candidate.email === demo.email);
    if (row?.password && (await verifyPassword(row.password.hash, demo.password))) published.push(demo);
  }
  return published;
}

/** `npm run demo-users:remove`: deletes them (their sessions and refresh families go with them). */
export async function removeDemoUsers(db: Db = getDb()): Promise<number> {
  const { count } = await db.user.deleteMany({ where: { email: { in: DEMO_USERS.map((user) => user.email) } } });
  return count;
}

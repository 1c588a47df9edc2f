import { getDb } from "../lib/db.ts";
import { decideDemoUsers, DEMO_USERS } from "../lib/demo-users.ts";
import { hashPassword, verifyPassword } from "../lib/auth/methods/password/hash.ts";

/**
 * Demo users, idempotent: run on every `npm start`, seeded only where lib/demo-users.ts allows. An existing user keeps its id (so live
 * sessions survive a restart) but gets the documented password and role back, so the README's
 * credentials always work even after someone changed them in the demo.
 */

async function main() {
  // A known admin password on a real deployment would be a back door: said on every start.
  const decision = decideDemoUsers(process.env);
  if (!decision.seed) {
    console.log(`Not seeding the demo users: ${decision.reason}.`);
    return;
  }
  const db = getDb();
  for (const demo of DEMO_USERS) {
    const existing = await db.user.findUnique({ where: { email: demo.email }, include: { password: true } });
    const keepsHash = existing?.password && (await verifyPassword(existing.password.hash, demo.password));
    const hash = keepsHash ? existing.password!.hash : await hashPassword(demo.password);
    await db.user.upsert({
      where: { email: demo.email },
      create: { email: demo.email, name: demo.name, role: demo.role, password: { create: { hash } } },
      update: { name: demo.name, role: demo.role, disabledAt: null, password: { upsert: { create: { hash }, update: { hash } } } },
    });
  }
  // The passwords are published in the README anyway; saying them here saves a look-up.
  console.log(`Seeded the demo users (${decision.reason}): ${DEMO_USERS.map((user) => `${user.email} / ${user.password} (${user.role})`).join(", ")}`);
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error("Seeding failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});

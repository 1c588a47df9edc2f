import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./env.ts";

/**
 * Whether `prisma db seed` creates the demo users (alice is an admin with a password printed
 * in the README). On a database someone points us at — PostgreSQL, another SQLite file — that
 * would be a back door, so they are seeded only into the embedded SQLite default, or where the
 * operator asks for them with DEMO_USERS=true. Pure: the seed script passes process.env in.
 */

export interface DemoUsersDecision {
  seed: boolean;
  /** One line for the start-up log: what was decided and how to change it. */
  reason: string;
}

const flag = z.stringbool();

export function decideDemoUsers(source: Record<string, string | undefined>): DemoUsersDecision {
  const asked = source.DEMO_USERS === undefined || source.DEMO_USERS === "" ? undefined : flag.safeParse(source.DEMO_USERS);
  // Misuse is loud: a typo must not silently seed (or silently not seed).
  if (asked && !asked.success) throw new Error(`DEMO_USERS must be true or false, not "${source.DEMO_USERS}"`);
  if (asked?.data === true) return { seed: true, reason: "DEMO_USERS=true" };
  if (asked?.data === false) return { seed: false, reason: "DEMO_USERS=false" };
  const url = source.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (url !== DEFAULT_DATABASE_URL) {
    return { seed: false, reason: "DATABASE_URL is not the embedded SQLite default (set DEMO_USERS=true to seed them there)" };
  }
  if (source.NODE_ENV === "production" && source.DEMO_MODE !== "true") {
    return { seed: false, reason: "NODE_ENV=production without DEMO_MODE=true (set DEMO_USERS=true to seed them)" };
  }
  return { seed: true, reason: "the embedded SQLite default database (DATABASE_URL unset)" };
}

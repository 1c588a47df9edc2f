import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-defaults.ts";
import { isLoopbackBind } from "./exposure/bind.ts";

/**
 * The demo users, with the passwords the README and the login pages publish, and whether
 * `prisma db seed` creates them. Pure: the seed script passes process.env in. The line is drawn at
 * the network: a published admin password is harmless on loopback and a back door anywhere else
 * (docs/SECURITY.md, 'Reaching the server').
 */

export const DEMO_USERS = [
  { email: "alice@example.com", name: "Alice Admin", password: "alice-password", role: "admin" },
  { email: "bob@example.com", name: "Bob User", password: "bob-password", role: "user" },
] as const;

export type DemoUser = (typeof DEMO_USERS)[number];

export interface DemoUsersDecision {
  seed: boolean;
  /** One line for the start-up log: what was decided and how to change it. */
  reason: string;
}

const flag = z.stringbool();

export function decideDemoUsers(source: Record<string, string | undefined>): DemoUsersDecision {
  const asked = demoUsersAsked(source);
  if (asked === false) return { seed: false, reason: "DEMO_USERS=false" };
  const host = source.HOST || "127.0.0.1";
  if (!isLoopbackBind(host)) return { seed: false, reason: `HOST=${host} listens beyond this machine, where a published admin password would be a back door` };
  if (asked === true) return { seed: true, reason: "DEMO_USERS=true" };
  const url = source.DATABASE_URL || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    return { seed: false, reason: "DATABASE_URL is PostgreSQL, not the embedded SQLite database (set DEMO_USERS=true to seed them there)" };
  }
  if (source.NODE_ENV === "production" && source.DEMO_MODE !== "true") {
    return { seed: false, reason: "NODE_ENV=production without DEMO_MODE=true (set DEMO_USERS=true to seed them)" };
  }
  const which = url === DEFAULT_DATABASE_URL ? "the embedded SQLite default database" : `the embedded SQLite database ${url}`;
  return { seed: true, reason: `${which}, on a server only this machine can reach` };
}

/** DEMO_USERS as a boolean, or undefined when unset. Misuse is loud: a typo must not silently seed (or not). */
export function demoUsersAsked(source: Record<string, string | undefined>): boolean | undefined {
  if (source.DEMO_USERS === undefined || source.DEMO_USERS === "") return undefined;
  const asked = flag.safeParse(source.DEMO_USERS);
  if (!asked.success) throw new Error(`DEMO_USERS must be true or false, not "${source.DEMO_USERS}"`);
  return asked.data;
}

import type { Config } from "@/lib/env";
import type { Role } from "@/lib/roles";

/**
 * The second step of a destructive admin action: what it will do, and what the user on the
 * other end will see, from the configuration this server runs. Shown before anything happens,
 * with or without JavaScript (the first post only asks; the second, with confirmed=yes, acts).
 */

export type DestructiveOp = { op: "disable" } | { op: "end_all" } | { op: "role"; role: Role };

type RevocationConfig = Pick<Config, "JWT_REVOCATION_CHECK" | "JWT_ACCESS_TTL_SECONDS">;

function jwtEnds(config: RevocationConfig): string {
  return config.JWT_REVOCATION_CHECK === "none"
    ? `an access token they already hold keeps working until it expires (at most ${Math.ceil(config.JWT_ACCESS_TTL_SECONDS / 60)} min: JWT_REVOCATION_CHECK=none)`
    : "their JWT access token is refused on its next request";
}

export function confirmQuestion(action: DestructiveOp, email: string): string {
  switch (action.op) {
    case "disable":
      return `Disable ${email}?`;
    case "end_all":
      return `Log ${email} out everywhere?`;
    case "role":
      return `Make ${email} ${action.role === "admin" ? "an admin" : "a user"}?`;
  }
}

export function confirmConsequence(action: DestructiveOp, config: RevocationConfig): string {
  switch (action.op) {
    case "disable":
      return `Every login of theirs ends now: their sessions are deleted, their refresh tokens revoked, and ${jwtEnds(config)}. Their next page is the login page; logging in again says the e-mail or password is wrong until you enable them.`;
    case "end_all":
      return `Every login of theirs ends now, in both modes: their sessions are deleted, their refresh tokens revoked, and ${jwtEnds(config)}. Their next page is the login page; they can log in again at once.`;
    case "role":
      return action.role === "admin"
        ? `They get the admin console and every action on it. They stay logged in: session mode reads the role on their next request; in JWT mode ${config.JWT_REVOCATION_CHECK === "none" ? "it arrives with their next access token" : "their token is renewed with the new role on their next request"}.`
        : `They lose the admin console. They stay logged in: session mode reads the role on their next request; in JWT mode ${config.JWT_REVOCATION_CHECK === "none" ? `an access token they already hold still says admin until it expires (at most ${Math.ceil(config.JWT_ACCESS_TTL_SECONDS / 60)} min) — the console itself reads the role from the database on every request` : "their token is renewed with the new role on their next request"}.`;
  }
}

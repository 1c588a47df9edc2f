import type { Answers } from "./questions.ts";

/**
 * This app's configuration that matches each recommendation: the mode to log in with and the
 * environment variables to start it with (every name is one lib/env.ts reads; a test holds
 * them to .env.example), so the reader can run it and watch it behave.
 */

export const RECOMMENDATIONS = ["session", "session-push-cache", "hybrid", "jwt-revocation-check", "jwt"] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface Configuration {
  /** The mode whose pages show it: /session/… or /jwt/…. */
  mode: "session" | "jwt";
  env: [name: string, value: string][];
  /** How to start it, in order. */
  commands: string[];
  /** Where to watch it behave. */
  watch: { href: string; label: string }[];
}

const fleetOf = (answers: Answers): [string, string][] =>
  answers.instances === "one" ? [] : [["DATABASE_URL", "postgresql://USER:PASSWORD@HOST:5432/DBNAME"], ["REDIS_URL", "redis://127.0.0.1:6379"], ["FLEET_SIZE", "2"]];

const limitsOf = (answers: Answers): [string, string][] =>
  answers.limits === "yes" ? [["SESSION_IDLE_TIMEOUT_SECONDS", "7200"], ["SESSION_ABSOLUTE_TIMEOUT_SECONDS", "604800"]] : [];

const start = (answers: Answers) => (answers.instances === "one" ? "npm start" : "npm run fleet");

export function configurationFor(recommendation: Recommendation, answers: Answers): Configuration {
  switch (recommendation) {
    case "session":
      return {
        mode: "session",
        env: [["SESSION_CACHE", "off"], ...limitsOf(answers), ...fleetOf(answers)],
        commands: [start(answers)],
        watch: [{ href: "/session/dashboard", label: "Session mode's dashboard" }, { href: "/labs/stolen-credential", label: "the stolen-credential lab" }],
      };
    case "session-push-cache":
      return {
        mode: "session",
        // Push invalidation crosses instances through Redis pub/sub; one instance needs no Redis.
        env: [["SESSION_CACHE", "push"], ...limitsOf(answers), ...fleetOf(answers)],
        commands: [start(answers)],
        watch: [{ href: "/compare#verdict-db-reads", label: "database reads per check, warm" }, { href: "/labs/fleet", label: "the fleet lab" }],
      };
    case "hybrid":
      return {
        mode: "session",
        // The token exchange signs with EdDSA only (HS256 would hand services the signing secret).
        env: [["SESSION_CACHE", "off"], ["JWT_ALG", "EdDSA"], ["DOWNSTREAM_AUDIENCE", "session-vs-jwt:downstream"], ["DOWNSTREAM_URL", "http://127.0.0.1:4000"], ...limitsOf(answers), ...fleetOf(answers)],
        commands: [start(answers), "npm run downstream"],
        watch: [{ href: "/session/dashboard", label: "Session mode's dashboard (its token exchange)" }, { href: "/labs/stolen-credential", label: "the stolen-credential lab, at the downstream service" }],
      };
    case "jwt-revocation-check":
      return {
        mode: "jwt",
        env: [["JWT_REVOCATION_CHECK", "denylist"], ["JWT_REVOCATION_FAIL", "closed"], ["JWT_ALG", "EdDSA"], ["JWT_ACCESS_TTL_SECONDS", "900"], ...fleetOf(answers)],
        commands: [start(answers), "npm run downstream"],
        watch: [{ href: "/jwt/dashboard", label: "JWT mode's dashboard" }, { href: "/labs/stolen-credential", label: "the stolen-credential lab" }],
      };
    case "jwt":
      return {
        mode: "jwt",
        // Nothing revokes an access token here: its lifetime is the whole revocation story.
        env: [["JWT_REVOCATION_CHECK", "none"], ["JWT_ALG", "EdDSA"], ["JWT_ACCESS_TTL_SECONDS", "300"], ...fleetOf(answers)],
        commands: [start(answers)],
        watch: [{ href: "/jwt/inspect", label: "JWT mode's inspector (its exp)" }, { href: "/labs/stolen-credential", label: "the stolen-credential lab" }],
      };
  }
}

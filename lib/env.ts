import "server-only";

import type { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-defaults.ts";
import { checkedSchema } from "./env-schema.ts";

/**
 * The one place configuration is read. Every variable is documented in .env.example.
 * Secrets have no fallback at all: `npm start` generates local ones into .env.local on first
 * run, so a missing secret here means a deployment forgot it — and we refuse to start
 * (instrumentation.ts calls getConfig() at boot) rather than sign with something guessable.
 * The schema itself is lib/env-schema.ts.
 */

export { DEFAULT_DATABASE_URL };
export { databaseProvider, DEFAULT_JWT_ALG, DEFAULT_JWT_REVOCATION_CHECK, defaultSessionCache, type DatabaseProvider } from "./env-schema.ts";

export type Config = z.output<typeof checkedSchema>;

export function parseConfig(source: Record<string, string | undefined>): Config {
  // `FOO=` in an env file means "not set", not zero or the empty string.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = checkedSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** Parsed once per process; throws with every problem listed at once. */
export function getConfig(): Config {
  cached ??= parseConfig(process.env);
  return cached;
}

/** For tests that vary the configuration: the next getConfig() re-reads process.env. */
export function resetConfigForTests(): void {
  cached = undefined;
}

/** The database alone, without the secrets: the seed script and CLI helpers need only this. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/**
 * Production or not, without the secrets: cookie names and attributes need it in proxy.ts and
 * in unit tests that have no secrets. Next inlines NODE_ENV at build time anyway.
 */
export function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

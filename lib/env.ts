import { z } from "zod";

/**
 * The one place configuration is read. Every variable is documented in .env.example.
 * Secrets have no fallback at all: `npm start` generates local ones into .env.local on first
 * run, so a missing secret here means a deployment forgot it — and we refuse to start
 * (instrumentation.ts calls getConfig() at boot) rather than sign with something guessable.
 */

/** Relative to the working directory, which is always the project root (npm scripts). */
export const DEFAULT_DATABASE_URL = "file:./.data/dev.db";

const seconds = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

const secret = (name: string) =>
  z
    .string({ error: `${name} is required (npm start generates a local one into .env.local)` })
    // Bytes for the key, characters because iron-session counts its password in characters.
    .refine((value) => decodedLength(value) >= 32 && value.length >= 32, `${name} must encode at least 32 bytes`);

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // This process's name in a fleet (`npm run fleet` sets app-1, app-2, …): shown in /api/health
  // and the labs, so a reader can see which instance answered. Default: host and pid.
  INSTANCE_NAME: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "INSTANCE_NAME: letters, digits, . _ - (≤64)").optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/i, "DATABASE_URL must be a SQLite file: URL or a postgres:// / postgresql:// URL")
    .default(DEFAULT_DATABASE_URL),
  SESSION_SECRET: secret("SESSION_SECRET"),
  JWT_SECRET: secret("JWT_SECRET"),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // none: signature + exp only (pure stateless). denylist: + revoked jti lookup.
  // strict: + the user's token version and disabled flag (password change / disable bite at once).
  JWT_REVOCATION_CHECK: z.enum(["none", "denylist", "strict"]).default("denylist"),
  // What an unreachable denylist means: "open" keeps serving on signature + exp alone
  // (availability, the reason to pick JWTs), "closed" answers 503 (no revocation gap).
  JWT_DENYLIST_ON_ERROR: z.enum(["open", "closed"]).default("open"),
  JWT_ISSUER: z.string().min(1).default("session-vs-jwt"),
  JWT_AUDIENCE: z.string().min(1).default("session-vs-jwt:web"),
  // RFC 7519 §4.1.4 allows "some small leeway"; more than a minute hides clock problems.
  JWT_CLOCK_SKEW_SECONDS: seconds(15, 0, 60),
  JWT_ACCESS_TTL_SECONDS: seconds(15 * 60, 10, 24 * 3600),
  JWT_REFRESH_TTL_SECONDS: seconds(14 * 24 * 3600, 60, 90 * 24 * 3600),
  REFRESH_REUSE_GRACE_SECONDS: seconds(10, 0, 60),
  SESSION_IDLE_TIMEOUT_SECONDS: seconds(2 * 3600, 10, 24 * 3600),
  SESSION_ABSOLUTE_TIMEOUT_SECONDS: seconds(7 * 24 * 3600, 60, 90 * 24 * 3600),
  // Writing lastSeenAt on every request would turn each read into a write; once a minute is
  // precise enough for an idle timeout measured in hours.
  SESSION_TOUCH_INTERVAL_SECONDS: seconds(60, 0, 3600),
  // Password guessing: failures per e-mail + client address, and per e-mail alone.
  LOGIN_MAX_FAILURES_PER_CLIENT: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(50),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds(15 * 60, 1, 24 * 3600),
  // Sign-up attempts (each one, not only failures: a sign-up is also a probe for an address)
  // per client address and per e-mail, in the login window above.
  SIGNUP_MAX_ATTEMPTS_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(20),
  SIGNUP_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(5),
  // Set by `npm start` when it runs the local demo (NODE_ENV not set to production by the
  // caller): seeds the demo users and turns the labs on. A real deployment leaves it unset.
  DEMO_MODE: z.stringbool().default(false),
  // The labs (/labs, /api/labs/*, /api/downstream/*) create throwaway users and take the
  // database down for a moment: a demo's tools. Default: on in DEMO_MODE, off otherwise.
  LABS_ENABLED: z.stringbool().optional(),
  // Where the labs send their requests: this server itself, never a host named by a request
  // header. Default http://127.0.0.1:<the port Next listens on>.
  LABS_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
});

const checkedSchema = schema.refine((config) => config.SESSION_TOUCH_INTERVAL_SECONDS < config.SESSION_IDLE_TIMEOUT_SECONDS, {
  message: "must be shorter than SESSION_IDLE_TIMEOUT_SECONDS, or active users would be logged out as idle",
  path: ["SESSION_TOUCH_INTERVAL_SECONDS"],
});

export type Config = z.infer<typeof schema>;

/** Secrets are base64url (as generated) or any string of ≥32 bytes. */
function decodedLength(value: string): number {
  if (/^[A-Za-z0-9_-]+$/.test(value)) return Buffer.from(value, "base64url").length;
  return Buffer.byteLength(value, "utf8");
}

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

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

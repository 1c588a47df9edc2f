import { z } from "zod";

/**
 * What the reader says about their deployment: the capacity model's inputs, as issue 17 lists
 * them, validated once here (the /scale form, the fleet-metrics reader and the scripts all come
 * through this schema). Strings are accepted and coerced because a GET form sends strings.
 */

export const SESSION_CACHES = ["off", "push", "cookie"] as const;
export const REVOCATION_CHECKS = ["none", "denylist"] as const;

const count = (label: string, min: number, max: number) =>
  z.coerce
    .number({ error: `${label}: enter a number.` })
    .refine(Number.isFinite, `${label}: enter a number.`)
    .min(min, `${label}: at least ${min.toLocaleString("en-US")}.`)
    .max(max, `${label}: at most ${max.toLocaleString("en-US")}.`);

export const readerInputsSchema = z.object({
  /** Peak authenticated requests per second, across the whole deployment. */
  peakRps: count("Peak requests per second", 1, 100_000_000).default(10_000),
  activeUsers: count("Active users", 1, 1_000_000_000).default(100_000),
  /** Session rows per user (session mode) or refresh families per user (JWT mode). */
  sessionsPerUser: count("Sessions per user", 1, 100).default(1.5),
  instances: count("App instances", 1, 100_000).int("App instances: a whole number.").default(10),
  revocationsPerMinute: count("Revocations per minute", 0, 100_000_000).default(60),
  sessionCache: z.enum(SESSION_CACHES, { error: "SESSION_CACHE: off, push or cookie." }).default("push"),
  jwtRevocationCheck: z.enum(REVOCATION_CHECKS, { error: "JWT_REVOCATION_CHECK: none or denylist." }).default("denylist"),
  accessTokenSeconds: count("Access-token lifetime", 10, 86_400).default(900),
  /**
   * The check cache's lifetime; empty: the app's (a push entry's max age, fixed in code; the
   * cookie cache's SESSION_CACHE_COOKIE_SECONDS default).
   */
  cacheSeconds: z.preprocess((value) => (value === "" ? undefined : value), count("Cache lifetime", 1, 3_600).optional()),
  /** Share of checks answered without the database; empty: derived from the other inputs. */
  cacheHitRatio: z.preprocess((value) => (value === "" ? undefined : value), count("Cache hit ratio", 0, 1).optional()),
  /** SWEEP_INTERVAL_SECONDS: how often ended rows are deleted; 0: never (the tables grow). */
  sweepIntervalSeconds: count("Sweep interval", 0, 7 * 24 * 3600)
    .int("Sweep interval: whole seconds.")
    .refine((value) => value === 0 || value >= 60, "Sweep interval: 0 (off) or at least 60.")
    .default(3600),
  /** How much more the production database, Redis and app cores carry than this machine's. */
  dbFactor: count("Database hardware factor", 0.01, 1_000).default(1),
  redisFactor: count("Redis hardware factor", 0.01, 1_000).default(1),
  cpuFactor: count("App CPU factor", 0.01, 100).default(1),
});

export type ReaderInputs = z.output<typeof readerInputsSchema>;

export const DEFAULT_INPUTS: ReaderInputs = readerInputsSchema.parse({});

export type InputsResult = { ok: true; inputs: ReaderInputs } | { ok: false; errors: Partial<Record<keyof ReaderInputs, string>>; raw: Record<string, string> };

/** Query-string values in, inputs or one message per field out: never a throw. */
export function parseReaderInputs(raw: Record<string, string | string[] | undefined>): InputsResult {
  const single: Record<string, string> = {};
  for (const key of Object.keys(readerInputsSchema.shape)) {
    const value = raw[key];
    const text = Array.isArray(value) ? value[0] : value;
    if (text !== undefined && text.trim() !== "") single[key] = text.trim().replaceAll(",", "");
  }
  const parsed = readerInputsSchema.safeParse(single);
  if (parsed.success) return { ok: true, inputs: parsed.data };
  const errors: Partial<Record<keyof ReaderInputs, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ReaderInputs;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, raw: single };
}

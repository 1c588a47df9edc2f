import { z } from "zod";
import { DEFAULT_DATABASE_URL } from "./database-defaults.ts";
import { originList, seconds, secret } from "./env-values.ts";

/** Named so /compare can say which measured configuration is the one `npm start` runs. */
export const DEFAULT_JWT_ALG = "EdDSA";
export const DEFAULT_JWT_REVOCATION_CHECK = "denylist";

/**
 * What every configuration variable may be, and the defaults that depend on others: the schema
 * lib/env.ts parses process.env with. Every variable is documented in .env.example.
 */

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // This process's name in a fleet (`npm run fleet` sets app-1, app-2, …): shown in /api/health
  // and the labs, so a reader can see which instance answered. Default: a random name per
  // process (never the host name or pid: /api/health answers anyone).
  INSTANCE_NAME: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "INSTANCE_NAME: letters, digits, . _ - (≤64)").optional(),
  // Set by `next start` / `next dev` to the port they listen on; the labs call this server there.
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  // The address `npm start` / `npm run dev` listen on (scripts/start/main.ts passes it to Next).
  // Default loopback: the demo seeds an admin whose password is published. Anything else
  // (0.0.0.0, a LAN address) is said at start, and refused while those demo users exist.
  HOST: z.string().regex(/^(\[?[0-9A-Fa-f:.]+\]?|[A-Za-z0-9.-]{1,253})$/, "HOST: an IP address or host name to listen on").default("127.0.0.1"),
  // The origins this server is reached at besides loopback (comma-separated, e.g.
  // https://auth.example.com): requests naming any other host are refused with 421, so a page
  // on another name cannot reach the server through DNS rebinding (lib/http/host-allowlist.ts).
  // Behind TRUST_PROXY hops the forwarded host is what counts. Unset: loopback names only.
  PUBLIC_ORIGINS: originList,
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/i, "DATABASE_URL must be a SQLite file: URL or a postgres:// / postgresql:// URL")
    .default(DEFAULT_DATABASE_URL),
  SESSION_SECRET: secret("SESSION_SECRET"),
  JWT_SECRET: secret("JWT_SECRET"),
  // Encrypts the EdDSA private keys stored in the SigningKey table (AES-256-GCM): a copy of
  // the database alone cannot mint tokens. Required in both JWT_ALG modes, so switching the
  // mode never meets a missing secret at run time.
  JWT_KEY_ENCRYPTION_SECRET: secret("JWT_KEY_ENCRYPTION_SECRET"),
  // The bearer token that reads GET /api/metrics/prometheus (docs/FLEET.md). Unset: that path
  // answers 404. A token, not "loopback only": behind a proxy on the same host every request
  // comes from loopback. `npm start` generates a local one into .env.local.
  METRICS_TOKEN: secret("METRICS_TOKEN").optional(),
  // EdDSA: asymmetric, key pairs in the database, rotated, published at /.well-known/jwks.json,
  // so another service verifies without holding anything that signs. HS256: the shared
  // JWT_SECRET, kept for comparison (the JWKS is then empty: there is nothing public to share).
  JWT_ALG: z.enum(["EdDSA", "HS256"]).default(DEFAULT_JWT_ALG),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  // Origins whose pages may call GET /api/<mode>/me with a Bearer token (CORS, never with
  // credentials): comma-separated exact origins, or "loopback" (the cross-origin lab's one other
  // origin: this server's other loopback name, same port). Default: loopback in the demo, none elsewhere.
  CORS_ALLOWED_ORIGINS: z.string().optional(),
  // none: signature + exp only (pure stateless). denylist (default): one statement reads the
  // user's disabled flag and token version and whether the jti was revoked (ASVS §7.4.2: a
  // disable or password change ends access tokens at once). "strict" was the name of that
  // combined check when denylist read the jti alone; it is kept as an alias of denylist.
  JWT_REVOCATION_CHECK: z
    .enum(["none", "denylist", "strict"])
    .default(DEFAULT_JWT_REVOCATION_CHECK)
    .transform((level) => (level === "strict" ? "denylist" : level)),
  // What revocation state that cannot be read means: "closed" (default) answers 503, "open"
  // serves on signature + exp alone (availability over a revocation gap, a labelled choice).
  JWT_REVOCATION_FAIL: z.enum(["open", "closed"]).optional(),
  // The earlier name of JWT_REVOCATION_FAIL, still honoured when that one is unset.
  JWT_DENYLIST_ON_ERROR: z.enum(["open", "closed"]).optional(),
  JWT_ISSUER: z.string().min(1).default("session-vs-jwt"),
  JWT_AUDIENCE: z.string().min(1).default("session-vs-jwt:web"),
  // The separate downstream service (`npm run downstream`): the token exchange mints tokens naming
  // only it; access tokens name only JWT_AUDIENCE (one audience per recipient).
  DOWNSTREAM_AUDIENCE: z.string().min(1).default("session-vs-jwt:downstream"),
  // Where the dashboards' "Call the downstream service" button sends its request.
  DOWNSTREAM_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4000"),
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
  // How an authenticated request avoids its database read: off (every check reads), push (a
  // per-process cache evicted by every write that changes a decision), cookie (a signed cache
  // cookie). Default and trade-offs: docs/CONFIGURATION.md, 'The authenticated read'.
  SESSION_CACHE: z.enum(["off", "cookie", "push"]).optional(),
  SESSION_CACHE_COOKIE_SECONDS: seconds(30, 1, 600),
  // How often expired rows (sessions, refresh families and tokens, denylist entries) are
  // deleted, an hour after their end (lib/sweep/); one instance of a fleet sweeps at a time.
  // 0: never (the tables then grow for ever; `npm run db:sweep` still sweeps once).
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().refine((value) => value === 0 || (value >= 60 && value <= 7 * 24 * 3600), "0 (off) or 60 to 604800").default(3600),
  // Password guessing (lib/auth/methods/password/throttle.ts): a browser that logged in as the user
  // before (device cookie) has its own cap; all other clients share a free allowance per
  // account, then wait a delay that doubles per failure up to a ceiling (never a hard lock).
  LOGIN_MAX_FAILURES_PER_DEVICE: z.coerce.number().int().min(1).max(1000).default(10),
  LOGIN_FREE_FAILURES: z.coerce.number().int().min(0).max(1000).default(10),
  LOGIN_DELAY_BASE_SECONDS: seconds(15, 1, 3600),
  LOGIN_MAX_DELAY_SECONDS: seconds(5 * 60, 1, 3600),
  LOGIN_FAILURE_WINDOW_SECONDS: seconds(15 * 60, 1, 24 * 3600),
  // The budget in front of every argon2 hash and verify (lib/password-budget.ts), per process:
  // hashes per second and the burst above that. Past it, logins, sign-ups and password changes
  // get 429 + Retry-After instead of a queue that slows everyone. Default: 8 per second per
  // core this process may use, burst 2 s of that.
  PASSWORD_HASHES_PER_SECOND: z.coerce.number().positive().max(100_000).optional(),
  PASSWORD_HASH_BURST: z.coerce.number().int().min(1).max(1_000_000).optional(),
  // Wrong current passwords at a password change, per user and window (ASVS 5.0 §6.3.1).
  PASSWORD_CHANGE_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  // How many reverse proxies in front of the app append to X-Forwarded-For (and set
  // X-Forwarded-Host/-Proto). 0: none; those headers are the client's own words and ignored.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Sign-up attempts (each one, not only failures: a sign-up is also a probe for an address)
  // per client address and per e-mail, in the login window above.
  SIGNUP_MAX_ATTEMPTS_PER_CLIENT: z.coerce.number().int().min(1).max(10_000).default(20),
  SIGNUP_MAX_ATTEMPTS_PER_EMAIL: z.coerce.number().int().min(1).max(1000).default(5),
  // Set by `npm start` when it runs the local demo (NODE_ENV not set to production by the
  // caller): turns the labs on. A real deployment leaves it unset.
  DEMO_MODE: z.stringbool().default(false),
  // Read by the seed script (lib/demo-users.ts), listed here so a typo fails at start-up too.
  // Unset: demo users only in the embedded SQLite default database.
  DEMO_USERS: z.stringbool().optional(),
  // The labs (/labs, /api/labs/*, /api/downstream/*) create throwaway users and take the
  // database down for a moment: a demo's tools. Default: on in DEMO_MODE, off otherwise.
  LABS_ENABLED: z.stringbool().optional(),
  // Where the labs send their requests: this server itself, never a host named by a request
  // header. Default http://127.0.0.1:<the port Next listens on>.
  LABS_ORIGIN: z.url({ protocol: /^https?$/ }).optional(),
  // Every instance's own origin, comma-separated (`npm run fleet` sets it): the fleet lab logs
  // in on one, out on another and replays on each. Unset: a single server, no fleet lab.
  FLEET_INSTANCES: z
    .string()
    .optional()
    .transform((value) => (value ?? "").split(",").map((origin) => origin.trim().replace(/\/$/, "")).filter((origin) => origin !== ""))
    .pipe(z.array(z.url({ protocol: /^https?$/ })).max(16)),
  // The balancer in front of the fleet (`npm run fleet` sets it): the sticky-sessions lab sends
  // its requests through it, to be pinned and failed over. Unset: no sticky-sessions lab.
  FLEET_BALANCER_URL: z.url({ protocol: /^https?$/ }).optional(),
});

export const checkedSchema = schema
  .refine((config) => config.SESSION_TOUCH_INTERVAL_SECONDS < config.SESSION_IDLE_TIMEOUT_SECONDS, {
    message: "must be shorter than SESSION_IDLE_TIMEOUT_SECONDS, or active users would be logged out as idle",
    path: ["SESSION_TOUCH_INTERVAL_SECONDS"],
  })
  .transform(({ JWT_DENYLIST_ON_ERROR, ...config }) => ({
    ...config,
    JWT_REVOCATION_FAIL: config.JWT_REVOCATION_FAIL ?? JWT_DENYLIST_ON_ERROR ?? "closed",
    SESSION_CACHE: config.SESSION_CACHE ?? defaultSessionCache(config),
  }));

/**
 * push where every process that could cache hears every revocation: an embedded SQLite file
 * (one process), or any database with REDIS_URL (the channel a fleet shares). PostgreSQL without
 * Redis may be two `npm start`s behind someone's balancer, and a logout on one would stay
 * cached on the other for the cache's max age: there the default stays off.
 */
export function defaultSessionCache(config: { DATABASE_URL: string; REDIS_URL?: string }): "push" | "off" {
  return databaseProvider(config.DATABASE_URL) === "sqlite" || config.REDIS_URL ? "push" : "off";
}

export type DatabaseProvider = "sqlite" | "postgresql";

export function databaseProvider(url: string): DatabaseProvider {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgresql" : "sqlite";
}

// What `npm run bench:peers` starts and measures: one server per configuration of each app
// (a library reads its configuration once per process), and the credentialed /me of each,
// divided by that same server's uncredentialed route. Pure.

export type AppName = "ours" | "better-auth" | "authjs";
export type Presentation = "session-cookie" | "jwt-cookie" | "jwt-bearer" | "ba-cookie" | "ba-bearer" | "authjs-cookie";

export interface ServerPlan {
  key: string;
  app: AppName;
  port: number;
  /** Extra environment for this server (the configuration it runs in). */
  env: Record<string, string>;
  openPath: string;
}

export interface ConfigurationPlan {
  key: string;
  label: string;
  server: string;
  authPath: string;
  present: Presentation;
  /** How long the library's configuration lets a credential live: what "accepted" means. */
  lifetime: { seconds: number | null; why: string };
}

/** A configuration the outside measurement had that cannot be measured here, and why. */
export interface Unmeasurable {
  key: string;
  label: string;
  reason: string;
}

/** Our access tokens must outlive the whole run (one sign-in per load run), as in bench:http. */
export const OUR_ACCESS_TTL_SECONDS = 86_400;
export const BETTER_AUTH_COOKIE_CACHE_SECONDS = 300;
/** The JWT plugin's default expirationTime ("15m"); the template leaves it as it is. */
export const BETTER_AUTH_JWT_SECONDS = 900;
/** Auth.js's default session maxAge (30 days), set explicitly in the template. */
export const AUTHJS_SESSION_SECONDS = 30 * 86_400;

export function serverPlans(basePort: number): ServerPlan[] {
  const servers: Omit<ServerPlan, "port">[] = [
    { key: "ours", app: "ours", env: {}, openPath: "/api/bench/baseline" },
    { key: "ours-cache-off", app: "ours", env: { SESSION_CACHE: "off" }, openPath: "/api/bench/baseline" },
    { key: "better-auth-database", app: "better-auth", env: { PEER_CONFIG: "database" }, openPath: "/api/open" },
    { key: "better-auth-cookie-cache", app: "better-auth", env: { PEER_CONFIG: "cookie-cache" }, openPath: "/api/open" },
    { key: "better-auth-jwt", app: "better-auth", env: { PEER_CONFIG: "jwt" }, openPath: "/api/open" },
    { key: "authjs-jwt", app: "authjs", env: {}, openPath: "/api/open" },
  ];
  return servers.map((server, index) => ({ ...server, port: basePort + index }));
}

const ourJwtLifetime = { seconds: OUR_ACCESS_TTL_SECONDS, why: "JWT_ACCESS_TTL_SECONDS, raised for the run" };

export const CONFIGURATIONS: ConfigurationPlan[] = [
  { key: "ours-session", label: "ours: session cookie (SESSION_CACHE=push, the SQLite default)", server: "ours", authPath: "/api/session/me", present: "session-cookie", lifetime: { seconds: null, why: "session row" } },
  { key: "ours-session-cache-off", label: "ours: session cookie (SESSION_CACHE=off)", server: "ours-cache-off", authPath: "/api/session/me", present: "session-cookie", lifetime: { seconds: null, why: "session row" } },
  { key: "ours-jwt-cookie", label: "ours: JWT cookie (denylist)", server: "ours", authPath: "/api/jwt/me", present: "jwt-cookie", lifetime: ourJwtLifetime },
  { key: "ours-jwt-bearer", label: "ours: JWT Bearer (denylist)", server: "ours", authPath: "/api/jwt/me", present: "jwt-bearer", lifetime: ourJwtLifetime },
  { key: "better-auth-database", label: "Better Auth: database sessions", server: "better-auth-database", authPath: "/api/me", present: "ba-cookie", lifetime: { seconds: null, why: "session row" } },
  { key: "better-auth-cookie-cache", label: `Better Auth: cookie cache (${BETTER_AUTH_COOKIE_CACHE_SECONDS} s)`, server: "better-auth-cookie-cache", authPath: "/api/me", present: "ba-cookie", lifetime: { seconds: BETTER_AUTH_COOKIE_CACHE_SECONDS, why: "cookieCache.maxAge" } },
  { key: "better-auth-jwt", label: "Better Auth: JWT plugin, Bearer verified against its JWKS", server: "better-auth-jwt", authPath: "/api/me", present: "ba-bearer", lifetime: { seconds: BETTER_AUTH_JWT_SECONDS, why: "the JWT plugin's default expiry" } },
  { key: "authjs-jwt", label: "Auth.js: encrypted JWT cookie (Credentials)", server: "authjs-jwt", authPath: "/api/me", present: "authjs-cookie", lifetime: { seconds: AUTHJS_SESSION_SECONDS, why: "session.maxAge, the default" } },
];

export const UNMEASURABLE: Unmeasurable[] = [
  {
    key: "authjs-database",
    label: "Auth.js: database sessions",
    reason:
      "not built: Auth.js supports the Credentials provider (the only email-and-password sign-in it has) with JWT sessions only, " +
      "and database sessions need an OAuth or e-mail provider that a bench cannot sign in to from the command line",
  },
];

/** --only: configuration keys, server keys or app names. Empty selects everything. */
export function selectConfigurations(only: string[], servers: ServerPlan[]): ConfigurationPlan[] {
  if (only.length === 0) return CONFIGURATIONS;
  const known = new Set([...CONFIGURATIONS.map((c) => c.key), ...servers.map((s) => s.key), ...servers.map((s) => s.app)]);
  const unknown = only.filter((item) => !known.has(item));
  if (unknown.length > 0) throw new Error(`--only: unknown ${unknown.join(", ")} (known: ${[...known].join(", ")})`);
  const appOf = (config: ConfigurationPlan) => servers.find((server) => server.key === config.server)?.app;
  return CONFIGURATIONS.filter((config) => only.includes(config.key) || only.includes(config.server) || only.includes(appOf(config) ?? ""));
}

// What `npm run bench:http` measures: the server configurations it starts and the targets it
// loads. Pure: the orchestrator turns these into processes and wrk runs.
import { cookieHeaderFor, type Cookie } from "./http.ts";

export interface ServerConfiguration {
  key: string;
  check: string;
  alg: string;
  cache: string;
  port: number;
  isDefault: boolean;
}

export type AuthKind = "none" | "session-cookie" | "jwt-cookie" | "jwt-bearer";

export interface BenchTarget {
  key: string;
  label: string;
  server: string;
  path: string;
  auth: AuthKind;
  baseline: string | null;
  kind: "api" | "page";
  goal?: number | null;
}

/** The credentials a target may present, per mode. */
export interface TargetCredentials {
  session?: { cookies: Cookie[] };
  jwt?: { cookies: Cookie[]; accessToken?: string };
}

/** "strict" is only an old name for denylist now (lib/env-schema.ts): measuring it again would repeat a row. */
export const REVOCATION_CHECKS = ["none", "denylist"];
export const JWT_ALGS = ["EdDSA", "HS256"];
/** SESSION_CACHE values; the first one asked for is the main server's. */
export const SESSION_CACHES = ["push", "off", "cookie"];

/**
 * One server per JWT configuration (JWT_REVOCATION_CHECK and JWT_ALG are read once per
 * process). The first is the default configuration (denylist, the first alg): it also serves
 * the baselines, session mode and the dashboards, which don't depend on either variable.
 */
export function serverConfigurations({
  checks = REVOCATION_CHECKS,
  algs = JWT_ALGS,
  caches = SESSION_CACHES,
  basePort,
  portStep = 1,
}: { checks?: string[]; algs?: string[]; caches?: string[]; basePort: number; portStep?: number }): ServerConfiguration[] {
  const ordered = [...checks].sort((a, b) => Number(b === "denylist") - Number(a === "denylist"));
  const [firstCache, firstCheck, firstAlg] = [caches[0], ordered[0], algs[0]];
  if (firstCache === undefined || firstCheck === undefined || firstAlg === undefined) throw new Error("no check, alg or cache to configure");
  const configs: Omit<ServerConfiguration, "port" | "isDefault">[] = [];
  for (const alg of algs) {
    for (const check of ordered) configs.push({ key: `${check}-${alg}`, check, alg, cache: firstCache });
  }
  // Every other SESSION_CACHE once, on the default check and alg: session and JWT /me side by side.
  for (const cache of caches.slice(1)) configs.push({ key: `${firstCheck}-${firstAlg}-cache-${cache}`, check: firstCheck, alg: firstAlg, cache });
  // Default first: denylist (if asked for) with the first alg. A fleet takes portStep ports each.
  return configs.map((config, index) => ({ ...config, port: basePort + index * portStep, isDefault: index === 0 }));
}

/**
 * The ratios issue 20 aims for on a 2-core machine, against the framework's floor (a bare route
 * handler): our uncredentialed answer within 1.1× of it (≥ 1 / 1.1 of its req/s), every
 * authenticated /me ≥ 0.90 of it on SQLite and PostgreSQL alike, dashboards ≥ 0.85 of the
 * public page. JWT with no revocation check has none: it is not a configuration anyone defaults to.
 */
export const FLOOR_GOALS = { baseline: 0.91, me: 0.9, dashboard: 0.85 };

export function goalFor(target: BenchTarget, config: ServerConfiguration | undefined): number | null {
  if (target.key === "baseline") return FLOOR_GOALS.baseline;
  if (target.path === "/api/session/me") return FLOOR_GOALS.me;
  if (target.path === "/api/jwt/me") return config?.check === "none" ? null : FLOOR_GOALS.me;
  if (target.kind === "page" && target.baseline) return FLOOR_GOALS.dashboard;
  return null;
}

/**
 * Every target, each with the baseline it is divided by: API routes (our uncredentialed route
 * too) by the framework's floor, dashboards by the public page of the same weight (like for
 * like), and its goal. The same goals on every database: a user runs the default on either.
 */
export function benchTargets(configs: ServerConfiguration[]): BenchTarget[] {
  return listTargets(configs).map((target) => ({ ...target, goal: goalFor(target, configs.find((config) => config.key === target.server)) }));
}

function listTargets(configs: ServerConfiguration[]): BenchTarget[] {
  const main = configs.find((config) => config.isDefault);
  if (!main) throw new Error("no default server configuration");
  const targets: BenchTarget[] = [
    { key: "floor", label: "floor: bare route handler (nothing of ours)", server: main.key, path: "/api/bench/floor", auth: "none", baseline: null, kind: "api" },
    { key: "baseline", label: "our route, no auth (host check, envelope, metrics)", server: main.key, path: "/api/bench/baseline", auth: "none", baseline: "floor", kind: "api" },
  ];
  // The default configuration first (what a user runs), then each alternative with its own /me's.
  for (const config of [main, ...configs.filter((c) => c !== main)]) {
    if (config === main || config.cache !== main.cache) {
      const key = config === main ? "session-me" : `session-me-${config.key}`;
      targets.push({ key, label: `session /me (cookie, SESSION_CACHE=${config.cache})`, server: config.key, path: "/api/session/me", auth: "session-cookie", baseline: "floor", kind: "api" });
    }
    const cache = config.cache === main.cache ? "" : `, SESSION_CACHE=${config.cache}`;
    for (const via of ["cookie", "bearer"] as const) {
      targets.push({
        key: `jwt-me-${via}-${config.key}`,
        label: `JWT /me (${via === "cookie" ? "cookie" : "Bearer"}, ${config.check}, ${config.alg}${cache})`,
        server: config.key,
        path: "/api/jwt/me",
        auth: `jwt-${via}`,
        baseline: "floor",
        kind: "api",
      });
    }
  }
  targets.push(
    { key: "page", label: "public page (no auth)", server: main.key, path: "/bench", auth: "none", baseline: null, kind: "page" },
    { key: "session-dashboard", label: "/session/dashboard", server: main.key, path: "/session/dashboard", auth: "session-cookie", baseline: "page", kind: "page" },
    { key: "jwt-dashboard", label: `/jwt/dashboard (${main.check}, ${main.alg})`, server: main.key, path: "/jwt/dashboard", auth: "jwt-cookie", baseline: "page", kind: "page" },
  );
  return targets;
}

/**
 * The request headers that present a target's credential: the cookies a browser would send
 * to that path (the JWT refresh cookie rides along to /api/jwt/*), or the access token.
 */
export function authHeaders(auth: string, credentials: TargetCredentials, path: string): Record<string, string> {
  switch (auth) {
    case "none":
      return {};
    case "session-cookie":
      return { Cookie: cookieHeaderFor(present(credentials.session, auth).cookies, path) };
    case "jwt-cookie":
      return { Cookie: cookieHeaderFor(present(credentials.jwt, auth).cookies, path) };
    case "jwt-bearer":
      return { Authorization: `Bearer ${present(credentials.jwt, auth).accessToken ?? ""}` };
    default:
      throw new Error(`unknown auth kind "${auth}"`);
  }
}

/** A target asking for a mode's credential that was not issued is a bug in the caller. */
function present<T>(credential: T | undefined, auth: string): T {
  if (credential === undefined) throw new Error(`no credential for auth kind "${auth}"`);
  return credential;
}

/** A JWT target's label names the alg that actually signed when it is not the one asked for. */
export function labelWithAlgSeen(target: BenchTarget, config: ServerConfiguration, seen: string | null | undefined): BenchTarget {
  if (!target.auth.startsWith("jwt") || !seen || seen === config.alg) return target;
  return { ...target, label: target.label.replace(`, ${config.alg})`, `, ${config.alg} asked, ${seen} signed)`) };
}

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "@playwright/test";
import { requestFor, type RealCredentials, type RouteShape } from "./fuzz-arbitraries.ts";
import { contractViolations, keepAliveAgent, send, type FuzzAnswer, type FuzzRequest } from "./fuzz-http.ts";
import { loginAll } from "./fuzz-login.ts";
import { test } from "./throwaway.ts";

/**
 * Property-based fuzzing of every API route over HTTP against the production server: at least
 * FUZZ_RUNS (default 1000) generated requests per route, each answer held to the API's
 * contract (e2e/fuzz-http.ts): no unexpected 5xx, no stack or library text, every error in
 * `{"error":{"code","message"}}` (a 405 too, with the route's `Allow`), redirects only on this
 * site.
 *
 * On a failure fast-check prints `seed` and `path`: FUZZ_SEED=<seed> FUZZ_PATH=<path> replays
 * that exact case (the server's state may differ; the request will not).
 *
 * Not sent: CONNECT, TRACE, TRACK. The Fetch standard forbids them and Next 16 fails to build
 * a Request for them before any code of ours runs (a bare 500 / 400 without a body); drop
 * them at the reverse proxy.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
/**
 * SQLite has one writer: under this suite's parallel admin writes a transaction can time out
 * waiting for the lock. The API then answers 503 store_unavailable in the envelope with
 * Retry-After (lib/http/json.ts) — an honest "try again", never a 500 — so that one 5xx is
 * part of the contract everywhere. Anything else in the 5xx range still fails.
 */
const STORE_BUSY = { status: 503, code: "store_unavailable" };
const REPLAY = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED), path: process.env.FUZZ_PATH } : {};
/** Every method a Next route answers; each route serves some and refuses the rest (405). */
const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const LAB_IDS = ["stolen-credential", "tampering", "stale-claims", "database-outage", "fleet", "key-rotation", "sticky-sessions"];
const PASSWORDS = ["", "short", "a-long-enough-new-password"];
const STICKY_DOWN = [
  { status: 503, code: "instance_down" },
  { status: 503, code: "state_unavailable" },
];

interface FuzzRoute extends RouteShape {
  file: string;
  /** The only 5xx this route may answer, each a documented, deliberate one. */
  allowed5xx?: { status: number; code: string }[];
  /**
   * Must answer one of its own methods with a 2xx at least once per run: proof the cases got
   * past authentication. Not for routes whose real credentials die early in a run by design
   * (refresh reuse detection, "log out everywhere").
   */
  deep?: boolean;
  /** Its 2xx answer is an HTML page on purpose (the storage lab's vulnerable page). */
  html?: boolean;
  /**
   * Deliberately outside proxy.ts and our envelope (the bench's floor: Next alone). Methods Next
   * itself refuses (PURGE, TRACE, …) get Next's bare 4xx there; what still holds: never a 5xx.
   */
  bare?: boolean;
}

const ROUTES: FuzzRoute[] = [
  { file: "[...unknown]", methods: ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"], path: "/api/{}" },
  { file: "account/password", methods: ["POST"], path: "/api/account/password", fields: { currentPassword: PASSWORDS, newPassword: PASSWORDS } },
  // Never with a real admin's same-origin request: each rotation would add a signing key that
  // starts signing 90 s later, mid-run (see neverChangeTheKeys below).
  { file: "admin/keys", methods: ["GET"], path: "/api/admin/keys" },
  { file: "admin/keys/rotate", methods: ["POST"], path: "/api/admin/keys/rotate" },
  { file: "admin/keys/[kid]/retire", methods: ["POST"], path: "/api/admin/keys/{}/retire" },
  { file: "admin/users/[id]/disable", methods: ["POST"], path: "/api/admin/users/{}/disable" },
  { file: "admin/users/[id]/end-all", methods: ["POST"], path: "/api/admin/users/{}/end-all" },
  { file: "admin/users/[id]/enable", deep: true, methods: ["POST"], path: "/api/admin/users/{}/enable" },
  { file: "admin/users/[id]/role", methods: ["POST"], path: "/api/admin/users/{}/role", fields: { role: ["user", "admin", "root", "ADMIN"] } },
  { file: "bench/baseline", deep: true, methods: ["GET"], path: "/api/bench/baseline" },
  // Outside proxy.ts's matcher (a bare route handler): what Next alone answers must hold too.
  { file: "bench/floor", deep: true, bare: true, methods: ["GET"], path: "/api/bench/floor" },
  { file: "downstream/jwt", deep: true, methods: ["GET"], path: "/api/downstream/jwt" },
  // 501 by design: a service without the session store cannot decide (lib/http/downstream-api.ts).
  { file: "downstream/session", methods: ["GET"], path: "/api/downstream/session", allowed5xx: [{ status: 501, code: "session_store_required" }] },
  { file: "health", deep: true, methods: ["GET"], path: "/api/health" },
  { file: "jwt/login", methods: ["POST"], path: "/api/jwt/login", fields: { email: ["nobody@example.test", "not-an-email"], password: PASSWORDS } },
  { file: "jwt/logout", deep: true, methods: ["POST"], path: "/api/jwt/logout", fields: { refreshToken: [] } },
  { file: "jwt/me", deep: true, methods: ["GET", "OPTIONS"], path: "/api/jwt/me" },
  { file: "jwt/refresh", methods: ["GET", "POST"], path: "/api/jwt/refresh", fields: { refreshToken: [] }, query: ["next"] },
  { file: "jwt/token", deep: true, methods: ["POST"], path: "/api/jwt/token" },
  { file: "labs/[lab]", methods: ["POST"], path: "/api/labs/{}", segments: LAB_IDS },
  { file: "labs/cross-origin/probe", deep: true, methods: ["GET"], path: "/api/labs/cross-origin/probe" },
  { file: "labs/storage/attacker", methods: ["POST"], path: "/api/labs/storage/attacker", fields: { grab: [], rideStatus: [200, 401, null] } },
  { file: "labs/storage/victim", deep: true, html: true, methods: ["GET"], path: "/api/labs/storage/victim" },
  { file: "labs/storage/whoami", methods: ["GET"], path: "/api/labs/storage/whoami" },
  { file: "labs/instance", deep: true, methods: ["GET"], path: "/api/labs/instance" },
  // 503 only while the sticky-sessions lab has "crashed" the instance (a fleet run), or its
  // shared state does not answer.
  { file: "labs/sticky/health", deep: true, methods: ["GET"], path: "/api/labs/sticky/health", allowed5xx: STICKY_DOWN },
  { file: "labs/sticky/login", deep: true, methods: ["POST"], path: "/api/labs/sticky/login", fields: { name: ["", "Fuzz", "x".repeat(300)] }, allowed5xx: STICKY_DOWN },
  { file: "labs/sticky/me/[store]", deep: true, methods: ["GET"], path: "/api/labs/sticky/me/{}", segments: ["memory", "session", "jwt"], allowed5xx: STICKY_DOWN },
  { file: "metrics", deep: true, methods: ["GET"], path: "/api/metrics" },
  // Never 2xx here: only METRICS_TOKEN reads it, and the fuzzer holds users' credentials only.
  { file: "metrics/prometheus", methods: ["GET"], path: "/api/metrics/prometheus" },
  // Passkeys: the options hand out single-use challenges; the ceremonies' answers are never
  // real authenticator output here, so they must be refused with a 4xx, never a 5xx.
  { file: "passkeys", deep: true, methods: ["GET", "POST"], path: "/api/passkeys", fields: { name: ["", "Laptop", "x".repeat(300)], response: [] } },
  { file: "passkeys/[id]", methods: ["DELETE"], path: "/api/passkeys/{}" },
  { file: "passkeys/options", methods: ["POST"], path: "/api/passkeys/options" },
  { file: "passkeys/sign-in", methods: ["POST"], path: "/api/passkeys/sign-in", fields: { mode: ["session", "jwt", "root"], response: [] } },
  { file: "passkeys/sign-in/options", methods: ["POST"], path: "/api/passkeys/sign-in/options" },
  { file: "passkeys/sign-up", methods: ["POST"], path: "/api/passkeys/sign-up", fields: { mode: ["session", "jwt", "root"], response: [] } },
  { file: "passkeys/sign-up/options", methods: ["POST"], path: "/api/passkeys/sign-up/options", fields: { email: ["nobody@example.test", "not-an-email"], name: ["", "Fuzz", "x".repeat(300)] } },
  { file: "register", methods: ["POST"], path: "/api/register", fields: { email: ["nobody@example.test", "not-an-email"], password: PASSWORDS, name: ["", "Fuzz", "x".repeat(300)], mode: ["session", "jwt", "root"] } },
  { file: "session/login", methods: ["POST"], path: "/api/session/login", fields: { email: ["nobody@example.test", "not-an-email"], password: PASSWORDS } },
  { file: "session/logout-everywhere", methods: ["POST"], path: "/api/session/logout-everywhere", fields: { keepCurrent: [true, false, "false"] } },
  { file: "session/logout", deep: true, methods: ["POST"], path: "/api/session/logout" },
  { file: "session/me", deep: true, methods: ["GET", "OPTIONS"], path: "/api/session/me" },
  { file: "session/sessions/[id]", methods: ["DELETE"], path: "/api/session/sessions/{}" },
  { file: "session/sessions", deep: true, methods: ["GET"], path: "/api/session/sessions" },
  { file: "session/token", deep: true, methods: ["POST"], path: "/api/session/token" },
];

/**
 * Labs start real work (a throwaway user, a dozen requests; the outage lab takes the
 * database down for every request for seconds) and share one budget of 30 runs a minute
 * with labs.spec.ts. So the fuzzer never starts one: any request naming a lab is sent as
 * cross-site, which must be refused before a run; what is fuzzed is everything in front.
 */
function neverStartALab(request: FuzzRequest): FuzzRequest {
  let decoded = request.path;
  try {
    decoded = decodeURIComponent(request.path);
  } catch {
    // Undecodable: the proxy refuses it (400 malformed_path) before any route is chosen.
  }
  if (!LAB_IDS.some((id) => decoded.includes(id))) return request;
  return { ...request, headers: { ...request.headers, "sec-fetch-site": "cross-site" } };
}

/**
 * Key rotation and retirement change what every later token is signed or verified with, for
 * every spec running beside this one: they are fuzzed without an admin's credential (no
 * cookie, no Bearer), so everything in front of them is exercised and they never happen.
 */
function neverChangeTheKeys(request: FuzzRequest): FuzzRequest {
  if (!request.path.includes("keys/")) return request;
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !/^(cookie|authorization)$/i.test(name)));
  return { ...request, headers };
}

test.describe.configure({ mode: "parallel" });

test("the fuzzer covers every API route and every method it exports", () => {
  const onDisk = routeFiles("app/api").map((file) => {
    const methods = [...readFileSync(file, "utf8").matchAll(/export (?:const|(?:async )?function) (GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]);
    return `${file.replace(/^app\/api\/|\/route\.ts$/g, "")} ${methods.sort().join(",")}`;
  });
  expect(ROUTES.map((route) => `${route.file} ${[...route.methods].sort().join(",")}`).sort()).toEqual(onDisk.sort());
});

test("every API route and method refuses a host this server does not serve, before anything runs (the floor excepted)", async ({ request }) => {
  // proxy.ts skips /api: the host check is each route's own (apiRoute, corsPreflight, the
  // storage lab's page, the refusals of the methods it does not serve), so a route that forgot
  // it would answer here.
  for (const route of ROUTES.filter((candidate) => !candidate.bare)) {
    const path = route.path.replace("{}", route.segments?.[0] ?? "x");
    for (const method of ROUTE_METHODS) {
      const answer = await request.fetch(path, { method, headers: { host: "rebind.example", origin: "http://rebind.example" } });
      expect(answer.status(), `${method} ${path}`).toBe(421);
    }
  }
});

for (const route of ROUTES) {
  test(`fuzz ${route.methods.join("/")} /api/${route.file}: ${RUNS} cases keep the API contract`, async ({ baseURL, makeUser }) => {
    test.setTimeout(600_000);
    const origin = baseURL!;
    const real: RealCredentials = await loginAll(origin, await makeUser("user"), await makeUser("admin"));
    const agent = keepAliveAgent();
    const statuses = new Map<number, number>();
    let ownMethod2xx = 0;
    try {
      const property = fc.asyncProperty(requestFor(route, real, origin).map(neverStartALab).map(neverChangeTheKeys), async (request) => {
        const answer = await send(origin, agent, request);
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (route.methods.includes(request.method) && answer.status >= 200 && answer.status < 300) ownMethod2xx++;
        const htmlPage = route.html && answer.status === 200 && /^text\/html/.test(String(answer.headers["content-type"] ?? ""));
        const problems = htmlPage
          ? []
          : route.bare
            ? answer.status >= 500 ? [`a ${answer.status} from a bare route`] : []
            : contractViolations(request, answer, [...(route.allowed5xx ?? []), STORE_BUSY], allowFor(route));
        const ran = request.method === "POST" && answer.status >= 200 && answer.status < 300;
        if (route.file === "labs/[lab]" && ran) problems.push("a lab run started");
        if (route.file === "admin/keys/rotate" && ran) problems.push("the signing keys were rotated");
        if (route.file === "admin/keys/[kid]/retire" && ran) problems.push("a signing key was retired");
        expect(problems, caseReport(request, answer, problems)).toEqual([]);
      });
      await fc.assert(property, { numRuns: RUNS, ...REPLAY });
    } finally {
      agent.destroy();
      const histogram = JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
      test.info().annotations.push({ type: "statuses", description: histogram });
      console.log(`fuzz /api/${route.file}: statuses ${histogram}`);
    }
    if (route.deep) expect(ownMethod2xx, `no ${route.methods.join("/")} answered 2xx`).toBeGreaterThan(0);
  });
}

/**
 * What a route's 405 and OPTIONS must list (RFC 9110 §10.2.1), worked out here from the route
 * table rather than taken from lib/http/method-refusal.ts: HEAD beside GET, OPTIONS always.
 */
function allowFor(route: FuzzRoute): string {
  const own = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"].filter((method) => route.methods.includes(method === "HEAD" ? "GET" : method));
  return [...own, "OPTIONS"].join(", ");
}

function caseReport(request: FuzzRequest, answer: FuzzAnswer, problems: string[]): string {
  const body = request.body ? ` body=${JSON.stringify(request.body.toString("utf8").slice(0, 200))}` : "";
  return `${request.method} ${request.path} ${JSON.stringify(request.headers)}${body}\n→ ${answer.status}: ${problems.join("; ")}`;
}

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

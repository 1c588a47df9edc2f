// What each operation of the app costs, measured in one process against a real database and a
// private Redis (main.ts runs it once per SESSION_CACHE):
//   tsx --conditions=react-server scripts/bench/capacity/operations.ts <iterations>
// DATABASE_URL, REDIS_URL, SESSION_CACHE and the secrets come from the environment.
// Per operation (capture.ts): the statements Prisma sent, so the pgbench scripts run exactly
// these; reads and writes; Redis commands; invalidation messages; CPU µs. Prints one JSON line. A login's steps follow lib/auth/methods/password/sign-in.ts's
// signInWithPassword, which needs a request (cookies) and so cannot be called here.
import { Redis } from "ioredis";
import { setUserDisabled } from "../../../lib/account.ts";
import { checkCacheReady } from "../../../lib/auth/check-cache/index.ts";
import { checkCookieKey, openCheckCookie, sealCheckCookie } from "../../../lib/auth/check-cache/check-cookie.ts";
import { checkCookieName, cookieAttributes, refreshCookieName, setCookieLength } from "../../../lib/auth/cookies.ts";
import { familyDenylistKey } from "../../../lib/auth/jwt/revocation/denylist.ts";
import { refreshRowId } from "../../../lib/auth/jwt/refresh/secret.ts";
import { renewJwtCredential } from "../../../lib/auth/jwt/renew.ts";
import { chargeLoginAttempt, settleLoginSuccess } from "../../../lib/auth/methods/password/throttle.ts";
import { strategies } from "../../../lib/auth/registry.ts";
import type { AuthMode, CookieToSet, IssuedCredential, Principal } from "../../../lib/auth/types.ts";
import { getDb } from "../../../lib/db.ts";
import { spendPasswordHashing } from "../../../lib/password-budget/budget.ts";
import { getConfig } from "../../../lib/env.ts";
import { sharedState } from "../../../lib/state/index.ts";
import { checkCredentials } from "../../../lib/auth/methods/password/credentials.ts";
import { recordLogin, type AuthUser } from "../../../lib/users.ts";
import { createCapture, type Roles } from "./capture.ts";

const [iterationsArg = "300"] = process.argv.slice(2);
const N = Math.max(20, Number(iterationsArg) || 300);
const config = getConfig();
const redis = config.REDIS_URL ? new Redis(config.REDIS_URL) : null;

const capture = await createCapture(redis);
const { measure, nextStep } = capture;

// ---- helpers ---------------------------------------------------------------------------------
const meta = (now = new Date()) => ({ now, userAgent: "Mozilla/5.0 (X11; Linux x86_64) bench:capacity", ip: "192.0.2.10" });
const BOB = { email: "bob@example.com", password: "bob-password" };
const credentialOf = (issued: IssuedCredential) => issued.cookies[0]!.value;
const cookiePairBytes = (cookie: Pick<CookieToSet, "name" | "value">) => `${cookie.name}=${cookie.value}`.length;
const setCookieBytes = (cookies: CookieToSet[]) => cookies.reduce((sum, cookie) => sum + setCookieLength(cookie, cookieAttributes(cookie, true)), 0);

/** signInWithPassword's store steps, in its order: throttle charge, hashing budget, password check, settle, record, issue. */
async function logIn(mode: AuthMode): Promise<{ user: AuthUser; issued: IssuedCredential }> {
  const windows = sharedState().windows;
  const policy = {
    maxFailuresPerDevice: config.LOGIN_MAX_FAILURES_PER_DEVICE, freeFailures: config.LOGIN_FREE_FAILURES,
    delayBaseSeconds: config.LOGIN_DELAY_BASE_SECONDS, maxDelaySeconds: config.LOGIN_MAX_DELAY_SECONDS, windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
  };
  const now = new Date();
  nextStep();
  const verdict = await chargeLoginAttempt(windows, policy, BOB.email, { trustedDevice: null }, now.getTime());
  if (!verdict.allowed) throw new Error("the login throttle refused the bench's own login");
  // The hashing budget is a policy, not a cost: bench:capacity gives it room (PASSWORD_HASHES_PER_SECOND).
  if (!spendPasswordHashing(1, "anonymous", now.getTime()).ok) throw new Error("the hashing budget shed the bench's own login");
  nextStep();
  const check = await checkCredentials(BOB.email, BOB.password);
  if (!check.ok) throw new Error(`bob could not log in (${check.reason})`);
  await settleLoginSuccess(windows, verdict.charge);
  nextStep();
  await recordLogin(check.user.id, now);
  nextStep();
  return { user: check.user, issued: await strategies[mode].signIn(check.user, meta(now)) };
}

async function accept(mode: AuthMode, credential: string, now?: Date): Promise<Principal> {
  const result = await strategies[mode].verify(credential, meta(now));
  if (!result.ok) throw new Error(`${mode} refused its own credential (${result.code})`);
  return result.principal;
}

/** Pure CPU of SESSION_CACHE=cookie's check: opening a fresh check cookie. */
function checkCookieCost(mode: AuthMode, credential: string, principal: Principal) {
  const key = checkCookieKey(config.SESSION_SECRET);
  const value = sealCheckCookie({ principal, credential, now: new Date(), maxAgeSeconds: 600, key });
  const started = process.cpuUsage();
  for (let i = 0; i < N * 4; i += 1) {
    if (!openCheckCookie(value, { mode, credential, now: new Date(), key })) throw new Error("a fresh check cookie did not open");
  }
  const used = process.cpuUsage(started);
  return { cpuMicros: (used.user + used.system) / (N * 4), bytes: cookiePairBytes({ name: checkCookieName(mode), value }) };
}

// ---- the operations, per mode ----------------------------------------------------------------
async function checks(mode: AuthMode, user: AuthUser) {
  const issued: IssuedCredential[] = [];
  for (let i = 0; i < N; i += 1) issued.push(await strategies[mode].signIn(user, meta()));
  const rolesOf = (principal: Principal): Roles =>
    mode === "session"
      ? { [principal.handles.sessionId!]: "SESSION_ID" }
      : { [principal.userId]: "USER_ID", [principal.handles.jti!]: "NEW_ID1", [familyDenylistKey(principal.handles.familyId!)]: "FID_NEW" };
  // Cold: a credential this process has never unsealed, verified or cached.
  const cold = await measure(N, async (i) => rolesOf(await accept(mode, credentialOf(issued[i]!))));
  const returning = credentialOf(issued[0]!);
  await accept(mode, returning);
  const warm = await measure(N * 4, async () => rolesOf(await accept(mode, returning)));
  return { cold, warm, issued };
}

async function sessionOperations(user: AuthUser) {
  const login = await measure(Math.max(10, Math.floor(N / 10)), async () => {
    const { user: who, issued } = await logIn("session");
    return { [who.id]: "USER_ID", [who.email]: "USER_EMAIL", [issued.principal.handles.sessionId!]: "NEW_ID1" };
  });
  const { cold, warm, issued } = await checks("session", user);
  // A touch is due once the row was last seen a touch interval ago: the same check, that far on.
  const later = new Date(Date.now() + (config.SESSION_TOUCH_INTERVAL_SECONDS + 1) * 1000);
  const touch = await measure(N, async (i) => {
    const principal = await accept("session", credentialOf(issued[i]!), later);
    return { [principal.handles.sessionId!]: "SESSION_ID" };
  });
  const logout = await measure(N, async (i) => {
    await strategies.session.signOut({ credential: credentialOf(issued[i]!), companions: {} }, meta());
    return { [issued[i]!.principal.handles.sessionId!]: "SESSION_ID" };
  });
  return { login, checkCold: cold, checkWarm: warm, touch, logout };
}

async function jwtOperations(user: AuthUser) {
  const login = await measure(Math.max(10, Math.floor(N / 10)), async () => {
    const { user: who, issued } = await logIn("jwt");
    const refreshToken = String(issued.apiFields.refreshToken);
    return { [who.id]: "USER_ID", [who.email]: "USER_EMAIL", [issued.principal.handles.familyId!]: "NEW_UUID1", [refreshRowId(refreshToken)]: "NEW_ID1" };
  });
  const { cold, warm, issued } = await checks("jwt", user);
  const renewed: { token: string; cookies: CookieToSet[] }[] = [];
  const refresh = await measure(N, async (i) => {
    const parent = String(issued[i]!.apiFields.refreshToken);
    const result = await renewJwtCredential(parent, new Date());
    if (!result.ok) throw new Error(`refresh refused (${result.code})`);
    renewed.push({ token: result.token, cookies: result.cookies });
    const child = String(result.apiFields.refreshToken);
    return { [refreshRowId(parent)]: "REFRESH_ID", [refreshRowId(child)]: "NEW_ID1", [issued[i]!.principal.handles.familyId!]: "FAMILY_ID" };
  });
  // What logout ends is named by the token's own claims: read before, outside the measurement.
  const principals: Principal[] = [];
  for (const { token } of renewed) principals.push(await accept("jwt", token));
  const logout = await measure(N, async (i) => {
    await strategies.jwt.signOut({ credential: renewed[i]!.token, companions: {} }, meta());
    const family = principals[i]!.handles.familyId!;
    return { [principals[i]!.handles.jti!]: "NEW_ID1", [family]: "FAMILY_ID", [familyDenylistKey(family)]: "FID_OF_FAMILY" };
  });
  return { login, checkCold: cold, checkWarm: warm, refresh, logout, renewedCookies: renewed[0]!.cookies, issuedSample: issued[0]! };
}

/** A user-wide revocation (admin disable): every login of the user ends, in both modes. */
async function disableOperation() {
  const db = getDb();
  const users: AuthUser[] = [];
  for (let i = 0; i < Math.max(10, N / 10); i += 1) {
    const row = await db.user.create({ data: { email: `capacity-${Date.now()}-${i}@bench.test`, name: "Capacity" } });
    const auth = { id: row.id, email: row.email, name: row.name, role: "user" as const, tokenVersion: 0 };
    await strategies.session.signIn(auth, meta());
    await strategies.jwt.signIn(auth, meta());
    users.push(auth);
  }
  return measure(users.length, async (i) => {
    await setUserDisabled(users[i]!.id, true, new Date());
    return { [users[i]!.id]: "USER_ID" };
  });
}

// ---- run -------------------------------------------------------------------------------------
const bob = (await checkCredentials(BOB.email, BOB.password)) as { ok: true; user: AuthUser };
if (!bob.ok) throw new Error("the seeded demo user bob@example.com is missing");
await checkCacheReady();
// Warm-up: key import and first load, prepared statements, JIT — paid once per process.
for (const mode of ["session", "jwt"] as const) {
  for (let i = 0; i < 30; i += 1) await accept(mode, credentialOf(await strategies[mode].signIn(bob.user, meta())));
}

const session = await sessionOperations(bob.user);
const jwt = await jwtOperations(bob.user);
const disable = await disableOperation();
const sessionSample = await strategies.session.signIn(bob.user, meta());
const jwtSample = jwt.issuedSample;
const token = credentialOf(jwtSample);
const refreshCookie = jwtSample.cookies.find((cookie) => cookie.name === refreshCookieName())!;
const result = {
  session: { login: session.login, checkCold: session.checkCold, checkWarm: session.checkWarm, touch: session.touch, logout: session.logout },
  jwt: { login: jwt.login, checkCold: jwt.checkCold, checkWarm: jwt.checkWarm, refresh: jwt.refresh, logout: jwt.logout },
  userDisable: disable,
  checkCookie: {
    session: checkCookieCost("session", credentialOf(sessionSample), sessionSample.principal),
    jwt: checkCookieCost("jwt", token, jwtSample.principal),
  },
  bytes: {
    sessionCookie: cookiePairBytes(sessionSample.cookies[0]!),
    jwtCookie: cookiePairBytes(jwtSample.cookies[0]!),
    jwtRefreshCookie: cookiePairBytes(refreshCookie),
    bearerHeader: `Authorization: Bearer ${token}`.length,
    setCookie: { sessionLogin: setCookieBytes(sessionSample.cookies), jwtLogin: setCookieBytes(jwtSample.cookies), jwtRefresh: setCookieBytes(jwt.renewedCookies) },
  },
};
console.log(JSON.stringify({ sessionCache: config.SESSION_CACHE, iterations: N, ...result }));
capture.close();
await redis?.quit();
await sharedState().close();
await getDb().$disconnect();

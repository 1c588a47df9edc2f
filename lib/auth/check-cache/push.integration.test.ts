import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cleanUpTestDatabase, countQueries, createTestUser, overrideConfig } from "../../test-database.ts";
import { changeUserRole, setUserDisabled } from "../../account.ts";
import { changePassword } from "../methods/password/change.ts";
import { createUnreachableClient, getDb, runWithDatabase } from "../../db.ts";
import { getConfig } from "../../env.ts";
import { refreshCookieName } from "../cookies.ts";
import { strategies } from "../registry.ts";
import type { AuthUser } from "../../users.ts";
import type { AuthMode, RequestMeta, VerifyResult } from "../types.ts";
import { checkCacheReady, resetCheckCacheForTests } from "./index.ts";

/**
 * SESSION_CACHE=push against a real database: a warmed check is served without a query, and
 * every event that ends or changes a credential is honoured by the very next check (no wait,
 * no clock: the eviction happens before the event's call returns).
 */

let restoreConfig: () => void;
before(async () => {
  restoreConfig = overrideConfig({ SESSION_CACHE: "push", JWT_REVOCATION_CHECK: "denylist" });
  await resetCheckCacheForTests();
  await checkCacheReady();
});
after(async () => {
  await resetCheckCacheForTests();
  restoreConfig();
  await cleanUpTestDatabase();
});

const PASSWORD = "push-cache-password";
const meta = (): RequestMeta => ({ now: new Date(), userAgent: "push-test", ip: "192.0.2.7" });

async function logIn(mode: AuthMode, user: AuthUser) {
  const issued = await strategies[mode].signIn(user, meta());
  const credential = mode === "jwt" ? String(issued.apiFields.accessToken) : issued.cookies[0]!.value;
  return { credential, handles: issued.principal.handles, refreshToken: issued.apiFields.refreshToken as string | undefined };
}

const verify = (mode: AuthMode, credential: string) => strategies[mode].verify(credential, meta());

/** Verified twice: the second answer comes from the cache, without a query. */
async function warm(mode: AuthMode, credential: string): Promise<void> {
  assert.equal((await verify(mode, credential)).ok, true, "accepted before the event");
  const { result, queries } = await countQueries(() => verify(mode, credential));
  assert.deepEqual([result.ok, result.ok && result.servedFromCache, queries], [true, true, 0], `${mode}: a warm check is a cache hit`);
}

/** A user logged in to both modes, both checks warm. */
async function warmInBothModes(user: AuthUser) {
  const [session, jwt] = [await logIn("session", user), await logIn("jwt", user)];
  await warm("session", session.credential);
  await warm("jwt", jwt.credential);
  return { session, jwt };
}

function refusedWith(result: VerifyResult, code: string) {
  assert.equal(result.ok, false);
  if (!result.ok) assert.equal(result.code, code);
}

describe("SESSION_CACHE=push: the first check reads, the next one does not", () => {
  for (const mode of ["session", "jwt"] as const) {
    test(`${mode}: one query, then none`, async () => {
      const { credential } = await logIn(mode, await createTestUser());
      const cold = await countQueries(() => verify(mode, credential));
      assert.deepEqual([cold.result.ok, cold.result.ok && cold.result.servedFromCache, cold.queries], [true, undefined, 1]);
      await warm(mode, credential);
    });
  }
});

describe("SESSION_CACHE=push: refused on the very next request", () => {
  test("session logout", async () => {
    const { credential } = await logIn("session", await createTestUser());
    await warm("session", credential);
    await strategies.session.signOut({ credential, companions: {} }, meta());
    refusedWith(await verify("session", credential), "session_unknown");
  });

  test("JWT logout (jti and refresh family denylisted)", async () => {
    const { credential, refreshToken } = await logIn("jwt", await createTestUser());
    await warm("jwt", credential);
    await strategies.jwt.signOut({ credential, companions: { [refreshCookieName()]: refreshToken } }, meta());
    refusedWith(await verify("jwt", credential), "token_revoked");
  });

  test("device revocation", async () => {
    const user = await createTestUser();
    const [current, other] = [await logIn("session", user), await logIn("session", user)];
    await warm("session", other.credential);
    assert.equal(await strategies.session.devices!.end(user.id, other.handles.sessionId!, current.handles), "ended");
    refusedWith(await verify("session", other.credential), "session_unknown");
    assert.equal((await verify("session", current.credential)).ok, true, "the device that revoked keeps its session");
  });

  test("password change: every other login, both modes", async () => {
    const user = await createTestUser({ password: PASSWORD });
    const { session, jwt } = await warmInBothModes(user);
    const changer = await logIn("session", user);
    const change = await changePassword({ userId: user.id, currentPassword: PASSWORD, newPassword: `${PASSWORD}-new`, current: changer.handles }, new Date());
    assert.equal(change.ok, true);
    refusedWith(await verify("session", session.credential), "session_unknown");
    refusedWith(await verify("jwt", jwt.credential), "token_stale");
  });

  test("disable: both modes; enable does not bring ended logins back", async () => {
    const user = await createTestUser();
    const { session, jwt } = await warmInBothModes(user);
    await setUserDisabled(user.id, true, new Date());
    refusedWith(await verify("session", session.credential), "session_unknown");
    refusedWith(await verify("jwt", jwt.credential), "user_disabled");
    await setUserDisabled(user.id, false, new Date());
    refusedWith(await verify("jwt", jwt.credential), "token_stale");
  });

  test("role change: session mode answers with the new role, JWT mode refuses the old claims", async () => {
    const user = await createTestUser();
    const { session, jwt } = await warmInBothModes(user);
    assert.deepEqual(await changeUserRole(user.id, "admin"), { ok: true });
    const after = await verify("session", session.credential);
    assert.equal(after.ok && after.principal.role, "admin");
    assert.equal(after.ok && after.servedFromCache, undefined, "re-read, not the cached row");
    refusedWith(await verify("jwt", jwt.credential), "token_stale");
  });
});

describe("SESSION_CACHE=push keeps the touch rules", () => {
  test("a cached row is touched once the interval has passed, and then throttled from the new lastSeenAt", async () => {
    const T0 = new Date(Date.now() - 1000);
    const at = (ms: number) => new Date(T0.getTime() + ms);
    const interval = getConfig().SESSION_TOUCH_INTERVAL_SECONDS * 1000;
    const issued = await strategies.session.signIn(await createTestUser(), { ...meta(), now: T0 });
    const seal = issued.cookies[0]!.value;
    const id = issued.principal.handles.sessionId!;
    const check = (now: Date) => countQueries(() => strategies.session.verify(seal, { ...meta(), now }));
    const lastSeen = async () => (await getDb().session.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    assert.equal((await check(at(1000))).queries, 1, "cold: the read");
    assert.equal((await check(at(interval - 1000))).queries, 0, "warm, not due: nothing");
    const due = await check(at(interval));
    assert.deepEqual([due.queries, due.result.ok && due.result.servedFromCache === true], [2, false], "due: read afresh, then touched");
    assert.deepEqual(await lastSeen(), at(interval));
    assert.equal((await check(at(interval + 1000))).queries, 0, "throttled again from the new lastSeenAt");
    assert.deepEqual(await lastSeen(), at(interval));
  });

  test("idle past the timeout by the cached copy: decided by the database, and refused there too", async () => {
    const T0 = new Date(Date.now() - 1000);
    const idle = getConfig().SESSION_IDLE_TIMEOUT_SECONDS * 1000;
    const issued = await strategies.session.signIn(await createTestUser(), { ...meta(), now: T0 });
    const seal = issued.cookies[0]!.value;
    await strategies.session.verify(seal, { ...meta(), now: T0 });
    const late = await countQueries(() => strategies.session.verify(seal, { ...meta(), now: new Date(T0.getTime() + idle) }));
    assert.deepEqual([late.result.ok, late.queries], [false, 1], "the refusal was read, not remembered");
    refusedWith(late.result, "session_idle");
  });
});

describe("SESSION_CACHE=push and the outage lab", () => {
  test("a request on a database of its own neither reads nor fills the cache: a warm session still gets 503", async () => {
    const { credential } = await logIn("session", await createTestUser());
    await warm("session", credential);
    const unreachable = createUnreachableClient();
    const original = console.error;
    console.error = () => {}; // session_store_unreachable, expected
    try {
      const during = await runWithDatabase(unreachable, () => verify("session", credential));
      refusedWith(during, "session_store_unavailable");
    } finally {
      console.error = original;
      await unreachable.$disconnect();
    }
  });
});

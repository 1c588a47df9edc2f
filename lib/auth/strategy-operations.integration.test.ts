import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { at, cleanUpTestDatabase, createTestUser, SECOND, T0, overrideConfig } from "../test-database.ts";
import { createUnreachableClient, getDb, runWithDatabase } from "../db.ts";
import { strategies } from "./registry.ts";
import type { RequestMeta } from "./types.ts";

/** The operations AuthStrategy carries so that no code outside lib/auth/<mode>/ names a store. */

after(cleanUpTestDatabase);

const metaAt = (now: Date): RequestMeta => ({ now, userAgent: "operations-test", ip: "192.0.2.1" });
const liveSessions = (userId: string) => getDb().session.count({ where: { userId } });
const liveFamilies = (userId: string) => getDb().refreshFamily.count({ where: { userId, revokedAt: null } });

describe("endAllForUser", () => {
  test("session mode: deletes every row of the user but the kept one, and nobody else's", async () => {
    const [user, bystander] = [await createTestUser(), await createTestUser()];
    const logins = [];
    for (let i = 0; i < 3; i++) logins.push(await strategies.session.signIn(user, metaAt(T0)));
    await strategies.session.signIn(bystander, metaAt(T0));
    const kept = logins[1]!.principal.handles;
    assert.equal(await strategies.session.endAllForUser(user.id, { except: kept, reason: "logout_everywhere", now: at(SECOND) }), 2);
    assert.equal(await liveSessions(user.id), 1);
    assert.equal(await strategies.session.endAllForUser(user.id, { reason: "user_disabled", now: at(SECOND) }), 1);
    assert.equal(await liveSessions(user.id), 0);
    assert.equal(await liveSessions(bystander.id), 1);
  });

  test("JWT mode: revokes every refresh family but the kept one, with the reason", async () => {
    const user = await createTestUser();
    const logins = [];
    for (let i = 0; i < 3; i++) logins.push(await strategies.jwt.signIn(user, metaAt(new Date())));
    const kept = logins[0]!.principal.handles;
    assert.equal(await strategies.jwt.endAllForUser(user.id, { except: kept, reason: "password_changed", now: at(SECOND) }), 2);
    assert.equal(await liveFamilies(user.id), 1);
    const reasons = await getDb().refreshFamily.findMany({ where: { userId: user.id, revokedAt: { not: null } }, select: { revokedReason: true } });
    assert.deepEqual(reasons.map((r) => r.revokedReason), ["password_changed", "password_changed"]);
  });
});

describe("devices", () => {
  test("JWT mode keeps no list a user could pick from", () => {
    assert.equal(strategies.jwt.devices, null);
  });

  test("session mode lists the user's logins, marks the current one, and ends one by id, scoped by owner", async () => {
    const devices = strategies.session.devices!;
    const [user, other] = [await createTestUser(), await createTestUser()];
    const mine = [await strategies.session.signIn(user, metaAt(T0)), await strategies.session.signIn(user, metaAt(at(SECOND)))];
    const current = mine[0]!.principal.handles;
    const listed = await devices.list(user.id, current, at(2 * SECOND));
    assert.deepEqual(listed.map((d) => d.current).sort(), [false, true]);
    assert.equal(listed.find((d) => d.current)?.id, current.sessionId);
    assert.equal(listed[0]?.userAgent, "operations-test");

    const otherId = mine[1]!.principal.handles.sessionId!;
    assert.equal(await devices.end(other.id, otherId, {}), "not_found", "someone else's id ends nothing");
    assert.equal(await devices.end(user.id, "x".repeat(129), current), "not_found");
    assert.equal(await devices.end(user.id, otherId, current), "ended");
    assert.equal(await devices.end(user.id, otherId, current), "not_found", "already gone");
    assert.equal(await devices.end(user.id, current.sessionId!, current), "ended_current");
    assert.deepEqual(await devices.list(user.id, current, at(2 * SECOND)), []);
  });
});

describe("fail-open is a typed fact of the principal", () => {
  async function verifyDuringOutage(fail: "open" | "closed") {
    const restoreConfig = overrideConfig({ JWT_REVOCATION_FAIL: fail, JWT_REVOCATION_CHECK: undefined });
    const issued = await strategies.jwt.signIn(await createTestUser(), metaAt(new Date()));
    const original = console.error;
    console.error = () => {}; // the revocation_unreadable line, asserted in jwt/revocation/denylist.integration.test.ts
    const unreachable = createUnreachableClient();
    try {
      return await runWithDatabase(unreachable, () => strategies.jwt.verify(String(issued.apiFields.accessToken), metaAt(new Date())));
    } finally {
      await unreachable.$disconnect();
      console.error = original;
      restoreConfig();
    }
  }

  test("JWT_REVOCATION_FAIL=open: accepted, with failOpen set on the principal and in /me's fields", async () => {
    const result = await verifyDuringOutage("open");
    assert.ok(result.ok);
    assert.equal(result.principal.failOpen, true);
    assert.equal(result.principal.api.failOpen, true);
  });

  test("JWT_REVOCATION_FAIL=closed: 503 revocation_check_unavailable", async () => {
    const result = await verifyDuringOutage("closed");
    assert.deepEqual(result.ok ? result : { code: result.code, status: result.status }, { code: "revocation_check_unavailable", status: 503 });
  });

  test("a normal check is not fail-open, in either mode", async () => {
    const user = await createTestUser();
    for (const mode of ["session", "jwt"] as const) {
      const issued = await strategies[mode].signIn(user, metaAt(new Date()));
      const credential = mode === "jwt" ? String(issued.apiFields.accessToken) : issued.cookies[0]!.value;
      const result = await strategies[mode].verify(credential, metaAt(new Date()));
      assert.equal(result.ok && result.principal.failOpen, false, mode);
    }
  });
});

describe("verifyForExchange: complete whatever the configuration", () => {
  test("JWT_REVOCATION_CHECK=none: verify accepts a logged-out token, the exchange's check refuses it", async () => {
    const restoreConfig = overrideConfig({ JWT_REVOCATION_CHECK: "none" });
    try {
      const now = new Date();
      const issued = await strategies.jwt.signIn(await createTestUser(), metaAt(now));
      const token = String(issued.apiFields.accessToken);
      await strategies.jwt.signOut({ credential: token, companions: {} }, metaAt(now));
      assert.equal((await strategies.jwt.verify(token, metaAt(now))).ok, true, "none reads nothing after the signature");
      const exchange = await strategies.jwt.verifyForExchange(token, metaAt(now));
      assert.equal(exchange.ok ? "ok" : exchange.code, "token_revoked");
    } finally {
      restoreConfig();
    }
  });

  test("JWT_REVOCATION_FAIL=open does not open the exchange: 503 while the state is unreadable", async () => {
    const restoreConfig = overrideConfig({ JWT_REVOCATION_FAIL: "open" });
    const issued = await strategies.jwt.signIn(await createTestUser(), metaAt(new Date()));
    const original = console.error;
    console.error = () => {}; // the revocation_unreadable line, asserted in jwt/revocation/denylist.integration.test.ts
    const unreachable = createUnreachableClient();
    try {
      const result = await runWithDatabase(unreachable, () => strategies.jwt.verifyForExchange(String(issued.apiFields.accessToken), metaAt(new Date())));
      assert.deepEqual(result.ok ? result : { code: result.code, status: result.status }, { code: "revocation_check_unavailable", status: 503 });
    } finally {
      await unreachable.$disconnect();
      console.error = original;
      restoreConfig();
    }
  });

  test("session mode reads the row itself, and its principal names the user's token version", async () => {
    const user = await createTestUser();
    const issued = await strategies.session.signIn(user, metaAt(new Date()));
    const accepted = await strategies.session.verifyForExchange(issued.cookies[0]!.value, metaAt(new Date()));
    assert.ok(accepted.ok);
    assert.equal(accepted.principal.handles.tokenVersion, 0);
    await getDb().session.deleteMany({ where: { userId: user.id } });
    const refused = await strategies.session.verifyForExchange(issued.cookies[0]!.value, metaAt(new Date()));
    assert.equal(refused.ok ? "ok" : refused.code, "session_unknown");
  });
});

describe("nothing swallowed", () => {
  test("a failed lastSeenAt touch costs the request nothing and is logged as touch_failed", async (t) => {
    const user = await createTestUser();
    const issued = await strategies.session.signIn(user, metaAt(T0));
    const lines: string[] = [];
    t.mock.method(console, "warn", (line: string) => lines.push(line));
    // The real client, except that writing lastSeenAt fails (the lookup before it works).
    let touches = 0;
    const real = getDb();
    const bound = (target: object, prop: string | symbol) => {
      const value = Reflect.get(target, prop) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    };
    const failingSessions = new Proxy(real.session, {
      get: (target, prop) => (prop === "updateMany" ? async () => { touches++; throw new Error("disk full"); } : bound(target, prop)),
    });
    const failing = new Proxy(real, { get: (target, prop) => (prop === "session" ? failingSessions : bound(target, prop)) });
    // Past the touch interval (60 s), inside the idle timeout: this check wants to touch.
    const result = await runWithDatabase(failing, () => strategies.session.verify(issued.cookies[0]!.value, metaAt(at(120 * SECOND))));
    assert.equal(result.ok, true);
    assert.equal(touches, 1);
    assert.deepEqual(lines, [`[auth] touch_failed {"sessionId":"${issued.principal.handles.sessionId}","error":"disk full"}`]);
  });
});

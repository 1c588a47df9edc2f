import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { at, cleanUpTestDatabase, countQueries, createTestUser, overrideConfig, SECOND, T0 } from "../../test-database.ts";
import { getDb } from "../../db.ts";
import { getConfig } from "../../env.ts";
import type { AuthUser } from "../../users.ts";
import type { RequestMeta, VerifyResult } from "../types.ts";
import { newSessionSecret, sessionRowId } from "./ids.ts";
import { sealSessionId } from "./seal.ts";
import { deleteUserSession, deleteUserSessions, findSessionWithUser, insertSession, touchSession } from "./store.ts";
import { sessionStrategy } from "./strategy.ts";

after(cleanUpTestDatabase);

const HOUR = 3600 * SECOND;

async function addSession(user: AuthUser, now = T0): Promise<string> {
  const id = sessionRowId(newSessionSecret());
  await insertSession({ id, userId: user.id, now, expiresAt: at(8 * HOUR, now), userAgent: "it-agent", ip: "192.0.2.1" });
  return id;
}

const remainingIds = async (user: AuthUser) =>
  (await getDb().session.findMany({ where: { userId: user.id }, select: { id: true } })).map((row) => row.id).sort();

describe("findSessionWithUser", () => {
  test("reads session and user in exactly one query, with real Date objects", async () => {
    const user = await createTestUser({ role: "admin" });
    const id = await addSession(user, T0);
    const { result: row, queries } = await countQueries(() => findSessionWithUser(id));
    assert.equal(queries, 1);
    assert.ok(row);
    for (const field of ["createdAt", "lastSeenAt", "expiresAt"] as const) assert.ok(row[field] instanceof Date, field);
    assert.deepEqual([row.createdAt, row.lastSeenAt, row.expiresAt], [T0, T0, at(8 * HOUR)]);
    assert.deepEqual(row.user, { email: user.email, name: user.name, role: "admin", tokenVersion: 0, disabledAt: null });
    assert.deepEqual([row.userId, row.userAgent, row.ip], [user.id, "it-agent", "192.0.2.1"]);
  });

  test("a disabled user's disabledAt comes back as a Date; an unknown id as null", async () => {
    const user = await createTestUser();
    const id = await addSession(user);
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: at(5 * SECOND) } });
    assert.deepEqual((await findSessionWithUser(id))?.user.disabledAt, at(5 * SECOND));
    assert.equal(await findSessionWithUser(sessionRowId(newSessionSecret())), null);
  });
});

describe("session rows", () => {
  test("touchSession moves lastSeenAt only; a deleted row is no error", async () => {
    const user = await createTestUser();
    const id = await addSession(user);
    await touchSession(id, at(HOUR));
    const row = await findSessionWithUser(id);
    assert.deepEqual([row?.createdAt, row?.lastSeenAt, row?.expiresAt], [T0, at(HOUR), at(8 * HOUR)]);
    await getDb().session.delete({ where: { id } });
    await touchSession(id, at(2 * HOUR));
  });

  test("deleteUserSession deletes only the owner's row", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const id = await addSession(owner);
    assert.equal(await deleteUserSession(other.id, id), false);
    assert.deepEqual(await remainingIds(owner), [id]);
    assert.equal(await deleteUserSession(owner.id, id), true);
    assert.deepEqual(await remainingIds(owner), []);
    assert.equal(await deleteUserSession(owner.id, id), false, "already gone");
  });

  test("deleteUserSessions ends all but the kept one, and nobody else's", async () => {
    const [user, other] = [await createTestUser(), await createTestUser()];
    const kept = await addSession(user);
    await addSession(user);
    await addSession(user);
    const othersSession = await addSession(other);
    assert.equal(await deleteUserSessions(user.id, kept), 2);
    assert.deepEqual(await remainingIds(user), [kept]);
    assert.equal(await deleteUserSessions(user.id), 1);
    assert.deepEqual(await remainingIds(user), []);
    assert.deepEqual(await remainingIds(other), [othersSession]);
  });
});

const meta = (now: Date): RequestMeta => ({ now, userAgent: "it-agent", ip: "192.0.2.1" });
const codeOf = (result: VerifyResult) => (result.ok ? "ok" : result.code);

async function signedIn(now = T0) {
  const user = await createTestUser();
  const issued = await sessionStrategy.signIn(user, meta(now));
  const seal = issued.cookies[0]!.value;
  const id = issued.principal.handles.sessionId!;
  return { user, seal, id };
}

describe("sessionStrategy.verify", () => {
  const config = () => getConfig();

  test("a fresh session verifies as its user", async () => {
    const { user, seal, id } = await signedIn();
    const result = await sessionStrategy.verify(seal, meta(at(SECOND)));
    assert.ok(result.ok);
    assert.deepEqual([result.principal.userId, result.principal.handles.sessionId], [user.id, id]);
  });

  test("a valid seal of an id with no row → session_unknown (junk never reaches the database)", async () => {
    const orphan = await sealSessionId(newSessionSecret(), config().SESSION_SECRET, 3600);
    assert.equal(codeOf(await sessionStrategy.verify(orphan, meta(T0))), "session_unknown");
    const junk = await countQueries(() => sessionStrategy.verify("Fe26.2**junk", meta(T0)));
    assert.deepEqual([codeOf(junk.result), junk.queries], ["seal_invalid", 0]);
  });

  test("a deleted row → session_unknown on the very next request", async () => {
    const { seal, id } = await signedIn();
    await getDb().session.delete({ where: { id } });
    assert.equal(codeOf(await sessionStrategy.verify(seal, meta(at(SECOND)))), "session_unknown");
  });

  test("idle for the idle timeout → session_idle", async () => {
    const { seal } = await signedIn();
    const idle = config().SESSION_IDLE_TIMEOUT_SECONDS * SECOND;
    assert.equal(codeOf(await sessionStrategy.verify(seal, meta(at(idle - SECOND)))), "ok");
    const { seal: other } = await signedIn();
    assert.equal(codeOf(await sessionStrategy.verify(other, meta(at(idle)))), "session_idle");
  });

  test("active, but at the absolute lifetime → session_expired", async () => {
    const { seal, id } = await signedIn();
    const end = at(config().SESSION_ABSOLUTE_TIMEOUT_SECONDS * SECOND);
    await touchSession(id, at(-60 * SECOND, end));
    assert.equal(codeOf(await sessionStrategy.verify(seal, meta(at(-SECOND, end)))), "ok");
    assert.equal(codeOf(await sessionStrategy.verify(seal, meta(end))), "session_expired");
  });

  test("a disabled user → user_disabled", async () => {
    const { user, seal } = await signedIn();
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: T0 } });
    assert.equal(codeOf(await sessionStrategy.verify(seal, meta(at(SECOND)))), "user_disabled");
  });

  test("lastSeenAt is written only once the touch interval has passed", async (t) => {
    // The database path; with SESSION_CACHE=push the read goes too (check-cache/push.integration.test.ts).
    t.after(overrideConfig({ SESSION_CACHE: "off" }));
    const { seal, id } = await signedIn();
    const interval = config().SESSION_TOUCH_INTERVAL_SECONDS * SECOND;
    assert.ok(interval > SECOND, "the default interval, so there is something to throttle");
    const lastSeen = async () => (await findSessionWithUser(id))?.lastSeenAt;

    const early = await countQueries(() => sessionStrategy.verify(seal, meta(at(interval - SECOND))));
    assert.equal(early.queries, 1, "a read, no write");
    assert.deepEqual(await lastSeen(), T0);

    const due = await countQueries(() => sessionStrategy.verify(seal, meta(at(interval))));
    assert.equal(due.queries, 2, "the read and the touch");
    assert.deepEqual(await lastSeen(), at(interval));

    await sessionStrategy.verify(seal, meta(at(interval + SECOND)));
    assert.deepEqual(await lastSeen(), at(interval), "throttled again from the new lastSeenAt");
  });
});

import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { at, cleanUpTestDatabase, countQueries, createTestUser, SECOND, T0 } from "./test-database.ts";
import { createUnreachableClient, getDb, onDatabaseQuery, runWithDatabase, type QueryEvent } from "./db.ts";
import { isDatabaseUnavailable } from "./db-errors.ts";
import { insertSession, findSessionWithUser } from "./auth/session/store.ts";
import { newSessionSecret, sessionRowId } from "./auth/session/ids.ts";
import { recordRevokedJti } from "./auth/jwt/revocation/denylist.ts";
import { readAccountState } from "./auth/jwt/revocation/check.ts";
import { findUserProfile, type AuthUser } from "./users.ts";

/**
 * The hot statements on the driver (lib/db-prepared.ts), the check's two and the dashboards'
 * profile read, on whichever database the run has: they leave Prisma's query log untouched (so
 * they did not go through Prisma), still count as one query each (/compare's count), read what
 * Prisma wrote, and a request running on another database (the outage lab's) never reaches the
 * process's connection.
 */

after(cleanUpTestDatabase);

/** The SQL Prisma itself ran during `work`, by its own query events. */
async function prismaStatements<T>(work: () => Promise<T>): Promise<{ result: T; sql: string[] }> {
  const sql: string[] = [];
  const client = getDb() as unknown as { $on(event: "query", listener: (event: { query: string }) => void): void };
  let listening = true;
  client.$on("query", (event) => {
    if (listening) sql.push(event.query);
  });
  try {
    return { result: await work(), sql };
  } finally {
    listening = false;
  }
}

async function addSession(user: AuthUser): Promise<string> {
  const id = sessionRowId(newSessionSecret());
  await insertSession({ id, userId: user.id, now: T0, expiresAt: at(3600 * SECOND), userAgent: "it-agent", ip: "192.0.2.1" });
  return id;
}

describe("the hot statements run on the driver, not through Prisma", () => {
  test("the session join: one counted query, none of Prisma's, the row Prisma wrote", async () => {
    const user = await createTestUser();
    const id = await addSession(user);
    // Twice: the first may be the one that prepares it on this connection.
    for (let round = 0; round < 2; round++) {
      const { result: { result: row, queries }, sql } = await prismaStatements(() => countQueries(() => findSessionWithUser(id)));
      assert.equal(queries, 1);
      assert.deepEqual(sql, []);
      assert.deepEqual([row?.userId, row?.createdAt, row?.expiresAt, row?.user.tokenVersion], [user.id, T0, at(3600 * SECOND), 0]);
    }
  });

  test("listeners hear the statement and its parameters, as from Prisma (bench:capacity replays them in pgbench)", async () => {
    const user = await createTestUser();
    const id = await addSession(user);
    await findSessionWithUser(id); // prepared on this connection
    const heard: QueryEvent[] = [];
    const stop = onDatabaseQuery((event) => heard.push(event));
    try {
      await findSessionWithUser(id);
    } finally {
      stop();
    }
    assert.equal(heard.length, 1);
    assert.match(heard[0]!.query, /^\s*SELECT\b[\s\S]*\$1/i);
    assert.deepEqual(JSON.parse(heard[0]!.params), [id]);
    assert.ok(heard[0]!.duration >= 0);
  });

  test("the revocation statement: a denylisted jti reads as revoked until its expiry, through the same path", async () => {
    const user = await createTestUser();
    const jti = `it-${randomUUID()}`;
    await recordRevokedJti(jti, at(60 * SECOND), T0);
    const { result, sql } = await prismaStatements(async () => ({
      before: await readAccountState(user.id, jti, at(59 * SECOND)),
      atExpiry: await readAccountState(user.id, jti, at(60 * SECOND)),
      other: await readAccountState(user.id, `it-${randomUUID()}`, at(SECOND)),
    }));
    assert.deepEqual(sql, []);
    assert.deepEqual(result.before, { tokenVersion: 0, disabledAt: null, revoked: true });
    assert.equal(result.atExpiry?.revoked, false);
    assert.equal(result.other?.revoked, false);
  });

  test("the JWT dashboard's profile read: one counted query, none of Prisma's; a disabled user has none", async () => {
    const user = await createTestUser();
    const { result: { result: profile, queries }, sql } = await prismaStatements(() => countQueries(() => findUserProfile(user.id)));
    assert.deepEqual([profile, queries, sql], [{ email: user.email, name: user.name }, 1, []]);
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: T0 } });
    assert.equal(await findUserProfile(user.id), null);
    assert.equal(await findUserProfile(`it-${randomUUID()}`), null);
  });

  test("inside another database's scope (the outage lab's), the process's connection is not used: unavailable", async () => {
    const user = await createTestUser();
    const id = await addSession(user);
    assert.ok(await findSessionWithUser(id));
    const unreachable = createUnreachableClient();
    try {
      await assert.rejects(runWithDatabase(unreachable, () => findSessionWithUser(id)), (error) => isDatabaseUnavailable(error));
      await assert.rejects(runWithDatabase(unreachable, () => readAccountState(user.id, "jti", T0)), (error) => isDatabaseUnavailable(error));
    } finally {
      await unreachable.$disconnect();
    }
    assert.ok(await findSessionWithUser(id));
  });
});

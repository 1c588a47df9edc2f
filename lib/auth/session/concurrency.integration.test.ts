import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cleanUpTestDatabase, createTestUser } from "../../test-database.ts";
import { getDb } from "../../db.ts";
import { databaseProvider, databaseUrl } from "../../env.ts";
import type { AuthUser } from "../../users.ts";
import type { RequestMeta } from "../types.ts";
import { sessionStrategy } from "./strategy.ts";

/**
 * Session mode under parallel load, through the strategy itself (what every login, request
 * and logout runs): 200 at once on PostgreSQL, 100 on SQLite, whose single writer turns the
 * same calls into a queue (still worth running: the adapter must not drop or fail any).
 */

after(cleanUpTestDatabase);

const N = databaseProvider(databaseUrl()) === "postgresql" ? 200 : 100;
const USERS = 10;
const meta = (): RequestMeta => ({ now: new Date(), userAgent: "concurrency-it", ip: "192.0.2.7" });

/** N logins spread over USERS users, so several land on the same user at the same moment. */
async function parallelLogins() {
  const users = await Promise.all(Array.from({ length: USERS }, () => createTestUser()));
  const logins = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const user = users[i % USERS]!;
      const issued = await sessionStrategy.signIn(user, meta());
      return { user, seal: issued.cookies[0]!.value, sessionId: issued.principal.handles.sessionId! };
    }),
  );
  return { users, logins };
}

const rowCount = (users: AuthUser[]) => getDb().session.count({ where: { userId: { in: users.map((user) => user.id) } } });

describe(`session mode: ${N} parallel logins, requests and logouts`, () => {
  test("every login makes its own row, and every seal verifies to it", async () => {
    const { users, logins } = await parallelLogins();
    assert.equal(new Set(logins.map((login) => login.sessionId)).size, N, "no two logins share a session id");
    assert.equal(await rowCount(users), N, "no row lost");
    const checks = await Promise.all(logins.map((login) => sessionStrategy.verify(login.seal, meta())));
    checks.forEach((check, i) => {
      assert.ok(check.ok, `login ${i}: ${check.ok ? "" : check.code}`);
      assert.equal(check.principal.handles.sessionId, logins[i]!.sessionId);
      assert.equal(check.principal.userId, logins[i]!.user.id);
    });
  });

  test("after each logout returns, its seal is refused — while the other half keep working", async () => {
    const { users, logins } = await parallelLogins();
    const leaving = logins.filter((_, i) => i % 2 === 0);
    const staying = logins.filter((_, i) => i % 2 === 1);
    const results = await Promise.all([
      ...leaving.map(async (login) => {
        await sessionStrategy.signOut({ credential: login.seal, companions: {} }, meta());
        const after = await sessionStrategy.verify(login.seal, meta());
        return after.ok ? `accepted after logout: ${login.sessionId}` : after.code;
      }),
      // Requests of other logins, including the same users', at the same moment.
      ...staying.map(async (login) => {
        const check = await sessionStrategy.verify(login.seal, meta());
        return check.ok ? "ok" : `collateral: ${check.code}`;
      }),
    ]);
    assert.deepEqual(results.slice(0, leaving.length), leaving.map(() => "session_unknown"));
    assert.deepEqual(results.slice(leaving.length), staying.map(() => "ok"));
    assert.equal(await rowCount(users), staying.length, "exactly the logged-out rows are gone");
  });

  test("the same seal logged out many times at once: one row gone, no error, still refused", async () => {
    const { logins } = await parallelLogins();
    const victim = logins[0]!;
    await Promise.all(Array.from({ length: 20 }, () => sessionStrategy.signOut({ credential: victim.seal, companions: {} }, meta())));
    assert.equal((await sessionStrategy.verify(victim.seal, meta())).ok, false);
    assert.equal(await getDb().session.count({ where: { id: victim.sessionId } }), 0);
  });
});

import { after, describe, test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { cleanUpTestDatabase, countQueries, createTestUser, REDIS_TEST_URL, SECOND, UNREACHABLE_REDIS_URL, useConfig } from "../../test-database.ts";
import { getDb } from "../../db.ts";
import type { AuthUser } from "../../users.ts";
import { databaseDenylist, revokeAccessToken, type Denylist } from "./denylist.ts";
import { redisDenylist } from "./redis-denylist.ts";
import { checkRevocation, type RevocationOutcome } from "./revocation.ts";
import type { AccessClaims } from "./token.ts";

after(cleanUpTestDatabase);

// The real clock, not a frozen one: Redis expires keys by its own clock, and the database
// denylist must be held to the same behaviour.
const now = () => new Date();
const newJti = () => `it-${randomUUID()}`;
/** Short enough to wait out in a test; how fast this machine is decides nothing (see observedBefore). */
const SHORT_LIFE_MS = 500;

/**
 * Order and outcome, not speed. Redis forgets a key by its own clock, so "an entry counts until its
 * expiry" is only observable by a check that provably finished before that expiry. Such a check
 * must say `expected`; a check that ended later proves nothing either way, so the test reports
 * itself skipped (counted in the closing line) rather than fail on a slow machine or pass silently.
 * Returns what to call LAST: node counts a test that fails after t.skip() as skipped, not failed.
 */
async function observedBefore<T>(expiresAt: Date, check: () => Promise<T>, expected: T, what: string) {
  const answer = await check();
  const observed = Date.now() < expiresAt.getTime();
  if (observed) assert.deepEqual(answer, expected, what);
  return (t: TestContext) => {
    if (!observed) t.skip(`the check ended after the entry's expiry, so "${what}" was not observed`);
  };
}

/** Waits until `expiresAt` has passed on this machine's clock (a lower bound only). */
const sleepPast = (expiresAt: Date) => sleep(Math.max(0, expiresAt.getTime() - Date.now()) + 50);

const stores: [string, () => Denylist][] = [
  ["database", () => databaseDenylist],
  ["redis", () => redisDenylist(REDIS_TEST_URL)],
];

for (const [kind, store] of stores) {
  describe(`${kind} denylist`, () => {
    test("a revoked jti is revoked; an unknown one is not", async () => {
      const jti = newJti();
      const t = now();
      await store().revoke(jti, new Date(t.getTime() + 60 * SECOND), t);
      assert.equal(await store().isRevoked(jti, now()), true);
      assert.equal(await store().isRevoked(newJti(), now()), false);
    });

    test("an entry already past its expiry when written is not revoked", async () => {
      const jti = newJti();
      const t = now();
      await store().revoke(jti, new Date(t.getTime() - 1), t);
      assert.equal(await store().isRevoked(jti, now()), false);
    });

    test("an entry stops counting once its expiry passes", async (t) => {
      const jti = newJti();
      const written = now();
      const expiresAt = new Date(written.getTime() + SHORT_LIFE_MS);
      await store().revoke(jti, expiresAt, written);
      const skipUnlessObserved = await observedBefore(expiresAt, () => store().isRevoked(jti, now()), true, "revoked before its expiry");
      await sleepPast(expiresAt);
      assert.equal(await store().isRevoked(jti, now()), false);
      skipUnlessObserved(t);
    });

    test("revoking twice is fine, and the later expiry wins", async () => {
      const jti = newJti();
      const written = now();
      const sooner = new Date(written.getTime() + SHORT_LIFE_MS);
      await store().revoke(jti, sooner, written);
      await store().revoke(jti, new Date(written.getTime() + 60 * SECOND), written);
      await sleepPast(sooner);
      assert.equal(await store().isRevoked(jti, now()), true);
    });
  });
}

describe("database denylist rows", () => {
  test("an expired row still in the table is not revoked, and the next write purges it", async () => {
    const jti = newJti();
    await getDb().revokedToken.create({ data: { jti, expiresAt: new Date(Date.now() - SECOND) } });
    assert.equal(await databaseDenylist.isRevoked(jti, now()), false);
    await databaseDenylist.revoke(newJti(), new Date(Date.now() + 60 * SECOND), now());
    assert.equal(await getDb().revokedToken.count({ where: { jti } }), 0);
  });
});

function claimsFor(user: AuthUser, jti = newJti()): AccessClaims {
  const iat = Math.floor(Date.now() / SECOND);
  return { sub: user.id, role: user.role, jti, ver: user.tokenVersion, iat, exp: iat + 900, iss: "svj", aud: "svj:web" };
}

async function revoked(user: AuthUser): Promise<AccessClaims> {
  const claims = claimsFor(user);
  assert.equal(await revokeAccessToken(claims.jti, new Date(claims.exp * SECOND), now()), true);
  return claims;
}

const codeOf = (outcome: RevocationOutcome) => (outcome.ok ? "ok" : outcome.code);
const bumpVersion = (user: AuthUser) => getDb().user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } });
const disable = (user: AuthUser) => getDb().user.update({ where: { id: user.id }, data: { disabledAt: now() } });

describe("checkRevocation: none", () => {
  test("never looks: a revoked jti passes, with no query and no store", async (t) => {
    const user = await createTestUser();
    const claims = await revoked(user);
    t.after(useConfig({ JWT_REVOCATION_CHECK: "none", REDIS_URL: UNREACHABLE_REDIS_URL, JWT_DENYLIST_ON_ERROR: "closed" }));
    const { result, queries } = await countQueries(() => checkRevocation(claims, now()));
    assert.deepEqual(result, { ok: true, degraded: null });
    assert.equal(queries, 0);
  });
});

for (const [kind, redisUrl] of [["database", undefined], ["redis", REDIS_TEST_URL]] as const) {
  describe(`checkRevocation: denylist (${kind})`, () => {
    test("a revoked jti → token_revoked; any other passes, whatever the user row says", async (t) => {
      t.after(useConfig({ JWT_REVOCATION_CHECK: "denylist", REDIS_URL: redisUrl }));
      const user = await createTestUser();
      const claims = await revoked(user);
      assert.equal(codeOf(await checkRevocation(claims, now())), "token_revoked");
      await bumpVersion(user);
      await disable(user);
      const { result, queries } = await countQueries(() => checkRevocation(claimsFor(user), now()));
      assert.deepEqual(result, { ok: true, degraded: null }, "the denylist cannot see a password change or a disable");
      assert.equal(queries, kind === "database" ? 1 : 0);
    });
  });

  describe(`checkRevocation: strict (${kind})`, () => {
    test("a current token passes in one database query", async (t) => {
      t.after(useConfig({ JWT_REVOCATION_CHECK: "strict", REDIS_URL: redisUrl }));
      const user = await createTestUser();
      const { result, queries } = await countQueries(() => checkRevocation(claimsFor(user), now()));
      assert.deepEqual(result, { ok: true, degraded: null });
      assert.equal(queries, 1);
    });

    test("a revoked jti → token_revoked; an expired entry no longer counts", async (t) => {
      t.after(useConfig({ JWT_REVOCATION_CHECK: "strict", REDIS_URL: redisUrl }));
      const user = await createTestUser();
      assert.equal(codeOf(await checkRevocation(await revoked(user), now())), "token_revoked");
      const claims = claimsFor(user);
      const written = now();
      const expiresAt = new Date(written.getTime() + SHORT_LIFE_MS);
      assert.equal(await revokeAccessToken(claims.jti, expiresAt, written), true);
      const check = async () => codeOf(await checkRevocation(claims, now()));
      const skipUnlessObserved = await observedBefore(expiresAt, check, "token_revoked", "revoked before the entry's expiry");
      await sleepPast(expiresAt);
      assert.equal(await check(), "ok");
      skipUnlessObserved(t);
    });

    test("after a token-version bump → token_stale", async (t) => {
      t.after(useConfig({ JWT_REVOCATION_CHECK: "strict", REDIS_URL: redisUrl }));
      const user = await createTestUser();
      const claims = claimsFor(user);
      await bumpVersion(user);
      assert.equal(codeOf(await checkRevocation(claims, now())), "token_stale");
    });

    test("a disabled or deleted user → user_disabled", async (t) => {
      t.after(useConfig({ JWT_REVOCATION_CHECK: "strict", REDIS_URL: redisUrl }));
      const user = await createTestUser();
      await disable(user);
      assert.equal(codeOf(await checkRevocation(claimsFor(user), now())), "user_disabled");
      assert.equal(codeOf(await checkRevocation({ ...claimsFor(user), sub: randomUUID() }, now())), "user_disabled");
    });
  });
}

describe("checkRevocation: the store is unreachable", () => {
  for (const level of ["denylist", "strict"] as const) {
    test(`${level}, JWT_DENYLIST_ON_ERROR=open → accepted, marked degraded`, async (t) => {
      t.after(useConfig({ JWT_REVOCATION_CHECK: level, REDIS_URL: UNREACHABLE_REDIS_URL, JWT_DENYLIST_ON_ERROR: "open" }));
      const outcome = await checkRevocation(claimsFor(await createTestUser()), now());
      assert.equal(outcome.ok, true);
      assert.match((outcome as { degraded: string }).degraded, /unreachable/);
    });

    test(`${level}, JWT_DENYLIST_ON_ERROR=closed → 503 revocation_check_unavailable`, async (t) => {
      t.after(useConfig({ JWT_REVOCATION_CHECK: level, REDIS_URL: UNREACHABLE_REDIS_URL, JWT_DENYLIST_ON_ERROR: "closed" }));
      const outcome = await checkRevocation(claimsFor(await createTestUser()), now());
      assert.deepEqual(outcome.ok ? outcome : { code: outcome.code, status: outcome.status }, { code: "revocation_check_unavailable", status: 503 });
    });
  }

  test("logout's write to an unreachable store reports false instead of throwing", async (t) => {
    t.after(useConfig({ REDIS_URL: UNREACHABLE_REDIS_URL }));
    const original = console.error;
    console.error = () => {}; // the expected log line, kept out of the test output
    t.after(() => (console.error = original));
    assert.equal(await revokeAccessToken(newJti(), new Date(Date.now() + 60 * SECOND), now()), false);
  });
});

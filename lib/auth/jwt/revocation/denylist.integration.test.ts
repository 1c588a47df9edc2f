import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { at, cleanUpTestDatabase, countQueries, createTestUser, SECOND, T0, overrideConfig } from "../../../test-database.ts";
import { createUnreachableClient, getDb, runWithDatabase } from "../../../db.ts";
import type { AuthUser } from "../../../users.ts";
import { recordRevokedJti, revokeAccessToken } from "./denylist.ts";
import { checkRevocation, readAccountState, type RevocationOutcome } from "./check.ts";
import type { AccessClaims } from "../token/token.ts";

after(cleanUpTestDatabase);

const newJti = () => `it-${randomUUID()}`;
const MINUTE = 60 * SECOND;

function claimsFor(user: AuthUser, jti = newJti()): AccessClaims {
  const iat = Math.floor(T0.getTime() / SECOND);
  return { sub: user.id, role: user.role, jti, ver: user.tokenVersion, iat, exp: iat + 900, iss: "svj", aud: "svj:web" };
}

async function revoked(user: AuthUser): Promise<AccessClaims> {
  const claims = claimsFor(user);
  assert.equal(await revokeAccessToken(claims.jti, new Date(claims.exp * SECOND), T0), true);
  return claims;
}

const codeOf = (outcome: RevocationOutcome) => (outcome.ok ? (outcome.failOpen ? "fail_open" : "ok") : outcome.code);
const bumpVersion = (user: AuthUser) => getDb().user.update({ where: { id: user.id }, data: { tokenVersion: { increment: 1 } } });
const disable = (user: AuthUser) => getDb().user.update({ where: { id: user.id }, data: { disabledAt: T0 } });

describe("the database denylist (the only copy of a revocation)", () => {
  test("a token logged out inside the clock skew after its exp stays refused for as long as verifiers accept it", async () => {
    const user = await createTestUser();
    const jti = newJti();
    const skew = 15 * SECOND;
    const restore = overrideConfig({ JWT_CLOCK_SKEW_SECONDS: "15" });
    try {
      assert.equal(await revokeAccessToken(jti, at(-5 * SECOND), T0), true);
    } finally {
      restore();
    }
    assert.equal((await readAccountState(user.id, jti, at(SECOND)))?.revoked, true, "still accepted by signature until exp + skew: must read as revoked");
    assert.equal((await readAccountState(user.id, jti, at(skew)))?.revoked, false, "past exp + skew no verifier accepts it");
  });

  test("a revoked jti reads as revoked until its expiry, an unknown one never", async () => {
    const user = await createTestUser();
    const jti = newJti();
    await recordRevokedJti(jti, at(MINUTE), T0);
    assert.equal((await readAccountState(user.id, jti, at(SECOND)))?.revoked, true);
    assert.equal((await readAccountState(user.id, jti, at(MINUTE + 1)))?.revoked, false, "past its expiry it no longer counts");
    assert.equal((await readAccountState(user.id, newJti(), at(SECOND)))?.revoked, false);
  });

  test("an entry already past its expiry when written is not stored", async () => {
    const jti = newJti();
    await recordRevokedJti(jti, at(-1), T0);
    assert.equal(await getDb().revokedToken.count({ where: { jti } }), 0);
  });

  test("revoking twice is fine, and the later expiry wins", async () => {
    const user = await createTestUser();
    const jti = newJti();
    await recordRevokedJti(jti, at(SECOND), T0);
    await recordRevokedJti(jti, at(MINUTE), T0);
    assert.equal((await readAccountState(user.id, jti, at(2 * SECOND)))?.revoked, true);
  });

  test("an expired row still in the table is purged by the next write", async () => {
    const jti = newJti();
    await getDb().revokedToken.create({ data: { jti, expiresAt: at(-SECOND) } });
    await recordRevokedJti(newJti(), at(MINUTE), T0);
    assert.equal(await getDb().revokedToken.count({ where: { jti } }), 0);
  });
});

describe("checkRevocation: none", () => {
  test("never looks: a revoked jti passes, with no query", async (t) => {
    const user = await createTestUser();
    const claims = await revoked(user);
    t.after(overrideConfig({ JWT_REVOCATION_CHECK: "none" }));
    const { result, queries } = await countQueries(() => checkRevocation(claims, at(SECOND)));
    assert.deepEqual(result, { ok: true, failOpen: false });
    assert.equal(queries, 0);
  });
});

// "strict" is the earlier name of the same combined check: held to the same behaviour.
for (const level of [undefined, "denylist", "strict"] as const) {
  describe(`checkRevocation: ${level ?? "the default"}`, () => {
    test("a current token passes in exactly one database query", async (t) => {
      t.after(overrideConfig({ JWT_REVOCATION_CHECK: level }));
      const user = await createTestUser();
      const { result, queries } = await countQueries(() => checkRevocation(claimsFor(user), at(SECOND)));
      assert.deepEqual(result, { ok: true, failOpen: false });
      assert.equal(queries, 1);
    });

    test("a revoked jti → token_revoked, in that same one query", async (t) => {
      t.after(overrideConfig({ JWT_REVOCATION_CHECK: level }));
      const claims = await revoked(await createTestUser());
      const { result, queries } = await countQueries(() => checkRevocation(claims, at(SECOND)));
      assert.equal(codeOf(result), "token_revoked");
      assert.equal(queries, 1);
    });

    test("after a token-version bump (password change, role change) → token_stale", async (t) => {
      t.after(overrideConfig({ JWT_REVOCATION_CHECK: level }));
      const user = await createTestUser();
      await bumpVersion(user);
      assert.equal(codeOf(await checkRevocation(claimsFor(user), at(SECOND))), "token_stale");
    });

    test("a disabled or deleted user → user_disabled (ASVS §7.4.2)", async (t) => {
      t.after(overrideConfig({ JWT_REVOCATION_CHECK: level }));
      const user = await createTestUser();
      await disable(user);
      assert.equal(codeOf(await checkRevocation(claimsFor(user), at(SECOND))), "user_disabled");
      assert.equal(codeOf(await checkRevocation({ ...claimsFor(user), sub: randomUUID() }, at(SECOND))), "user_disabled");
    });
  });
}

describe("checkRevocation: the database is unreachable", () => {
  async function duringOutage<T>(work: () => Promise<T>): Promise<{ result: T; logged: string[] }> {
    const logged: string[] = [];
    const original = console.error;
    console.error = (line: string) => logged.push(line);
    const unreachable = createUnreachableClient();
    try {
      return { result: await runWithDatabase(unreachable, work), logged };
    } finally {
      await unreachable.$disconnect();
      console.error = original;
    }
  }

  const cases = [
    [{}, "revocation_check_unavailable"],
    [{ JWT_REVOCATION_FAIL: "closed" }, "revocation_check_unavailable"],
    [{ JWT_REVOCATION_FAIL: "open" }, "fail_open"],
    [{ JWT_DENYLIST_ON_ERROR: "open" }, "fail_open"],
    [{ JWT_DENYLIST_ON_ERROR: "open", JWT_REVOCATION_FAIL: "closed" }, "revocation_check_unavailable"],
  ] as const;
  for (const [settings, expected] of cases) {
    test(`${JSON.stringify(settings)} → ${expected}, logged as revocation_unreadable`, async (t) => {
      t.after(overrideConfig({ JWT_REVOCATION_FAIL: undefined, JWT_DENYLIST_ON_ERROR: undefined, ...settings }));
      const claims = claimsFor(await createTestUser());
      const { result, logged } = await duringOutage(() => checkRevocation(claims, at(SECOND)));
      assert.equal(codeOf(result), expected);
      if (!result.ok) assert.equal(result.status, 503);
      assert.equal(logged.length, 1);
      assert.match(logged[0]!, new RegExp(`^\\[auth\\] revocation_unreadable .*"jti":"${claims.jti}"`));
    });
  }

  test("logout's write reports false and logs denylist_write_failed instead of throwing", async () => {
    const { result, logged } = await duringOutage(() => revokeAccessToken(newJti(), at(MINUTE), T0));
    assert.equal(result, false);
    assert.match(logged[0] ?? "", /^\[auth\] denylist_write_failed /);
  });
});

import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { at, cleanUpTestDatabase, createTestUser, SECOND, T0 } from "../test-database.ts";
import { getDb } from "../db.ts";
import { issueRefreshFamily, rotateRefreshToken } from "../auth/jwt/refresh/rotation.ts";
import { createFamily, markRefreshUsed, revokeFamily } from "../auth/jwt/refresh/store.ts";
import { newRefreshSecret, refreshRowId } from "../auth/jwt/refresh/secret.ts";
import { insertSession } from "../auth/session/store.ts";
import { captureEvents } from "../log.ts";
import { sharedState } from "../state/index.ts";
import { RETAIN_AFTER_END_MS, SWEEP_LEASE_KEY, sweepExpiredRows } from "./expired-rows.ts";

after(cleanUpTestDatabase);

const HOUR = 3600 * SECOND;
/** The sweep's clock: ten days after the rows' T0, so a 14-day refresh family is still live. */
const NOW = at(240 * HOUR);
const ended = at(-RETAIN_AFTER_END_MS - HOUR, NOW); // ended more than the retention ago: goes
const justEnded = at(-RETAIN_AFTER_END_MS / 2, NOW); // ended, but within the retention: stays
const live = at(HOUR, NOW);

async function session(userId: string, expiresAt: Date): Promise<string> {
  const id = `it-${randomUUID()}`;
  await insertSession({ id, userId, now: T0, expiresAt, userAgent: null, ip: null });
  return id;
}

/** A family with one used token and its unused successor, as a rotation leaves them. */
async function family(userId: string, expiresAt: Date, options: { revoked?: boolean } = {}): Promise<{ familyId: string; tokenIds: string[] }> {
  const first = refreshRowId(newRefreshSecret());
  const familyId = await createFamily({ userId, firstTokenId: first, now: T0, expiresAt });
  await markRefreshUsed(first, at(HOUR));
  const second = refreshRowId(newRefreshSecret());
  await getDb().refreshToken.create({ data: { id: second, familyId, createdAt: at(HOUR) } });
  if (options.revoked) await revokeFamily(familyId, "logout", at(2 * HOUR));
  return { familyId, tokenIds: [first, second] };
}

async function denylisted(expiresAt: Date): Promise<string> {
  const jti = `it-${randomUUID()}`;
  await getDb().revokedToken.create({ data: { jti, expiresAt } });
  return jti;
}

const sessionsLeft = (ids: string[]) => getDb().session.count({ where: { id: { in: ids } } });
const familiesLeft = (ids: string[]) => getDb().refreshFamily.count({ where: { id: { in: ids } } });
const tokensLeft = (ids: string[]) => getDb().refreshToken.count({ where: { id: { in: ids } } });
const jtisLeft = (jtis: string[]) => getDb().revokedToken.count({ where: { jti: { in: jtis } } });

describe("the expiry sweeper", () => {
  test("deletes what ended more than the retention ago, in every table, and nothing else", async () => {
    const user = await createTestUser();
    const sessions = { ended: await session(user.id, ended), justEnded: await session(user.id, justEnded), live: await session(user.id, live) };
    const families = { ended: await family(user.id, ended), revokedLive: await family(user.id, live, { revoked: true }), live: await family(user.id, live) };
    const jtis = { ended: await denylisted(ended), justEnded: await denylisted(justEnded), live: await denylisted(live) };

    const { result } = await captureEvents(() => sweepExpiredRows(NOW));
    assert.equal(result.swept, true);
    if (!result.swept) return;
    assert.ok(result.deleted.sessions! >= 1 && result.deleted.refreshFamilies! >= 1 && result.deleted.refreshTokens! >= 2 && result.deleted.revokedTokens! >= 1, JSON.stringify(result.deleted));

    assert.equal(await sessionsLeft([sessions.ended]), 0);
    assert.equal(await sessionsLeft([sessions.justEnded, sessions.live]), 2);
    assert.equal(await familiesLeft([families.ended.familyId]), 0);
    assert.equal(await tokensLeft(families.ended.tokenIds), 0, "a family's tokens go with it");
    assert.equal(await familiesLeft([families.revokedLive.familyId, families.live.familyId]), 2);
    assert.equal(await tokensLeft([...families.revokedLive.tokenIds, ...families.live.tokenIds]), 4, "used tokens of a live family stay: reuse detection needs them");
    assert.equal(await jtisLeft([jtis.ended]), 0);
    assert.equal(await jtisLeft([jtis.justEnded, jtis.live]), 2, "a revocation stays while its token could still be accepted");
  });

  test("after a sweep, a used refresh token of a live family is still caught as reuse", async () => {
    const user = await createTestUser();
    const issued = await issueRefreshFamily(user.id, T0);
    assert.equal((await rotateRefreshToken(issued.refreshToken, at(SECOND))).ok, true);
    await captureEvents(() => sweepExpiredRows(NOW));
    const replay = await rotateRefreshToken(issued.refreshToken, NOW);
    assert.equal(replay.ok ? "rotated" : replay.code, "refresh_reused");
  });

  test("works through many small batches", async () => {
    const user = await createTestUser();
    const ids = [await session(user.id, ended), await session(user.id, ended), await session(user.id, ended)];
    const { result } = await captureEvents(() => sweepExpiredRows(NOW, { batchSize: 1 }));
    assert.equal(result.swept, true);
    assert.equal(await sessionsLeft(ids), 0);
  });

  test("while another instance holds the lease it deletes nothing, and the lease is left to its holder", async () => {
    const user = await createTestUser();
    const id = await session(user.id, ended);
    const { leases } = sharedState();
    assert.equal(await leases.acquire(SWEEP_LEASE_KEY, "another-instance", 60_000), true);
    try {
      assert.deepEqual(await sweepExpiredRows(NOW), { swept: false, reason: "lease_held" });
      assert.equal(await sessionsLeft([id]), 1);
      assert.equal(await leases.acquire(SWEEP_LEASE_KEY, "a-third", 60_000), false, "a sweep that did not run releases nothing");
    } finally {
      await leases.release(SWEEP_LEASE_KEY, "another-instance");
    }
    const { result } = await captureEvents(() => sweepExpiredRows(NOW));
    assert.equal(result.swept, true);
    assert.equal(await sessionsLeft([id]), 0);
  });
});

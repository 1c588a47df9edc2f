import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { at, cleanUpTestDatabase, createTestUser, SECOND, T0 } from "../../../test-database.ts";
import { getDb } from "../../../db.ts";
import { getConfig } from "../../../env.ts";
import { issueRefreshFamily, revokeLogin, rotateRefreshToken, type Rotation } from "./rotation.ts";
import { revokeUserFamilies } from "./store.ts";
import { refreshRowId } from "./secret.ts";
import { renewJwtCredential } from "../renew.ts";
import { issueJwtCredential } from "../strategy.ts";
import { verifyAccessTokenAuthoritatively } from "../verify/access-keys.ts";

after(cleanUpTestDatabase);

const GRACE_MS = () => getConfig().REFRESH_REUSE_GRACE_SECONDS * SECOND;

async function newFamily(now = T0) {
  const user = await createTestUser();
  return { user, ...(await issueRefreshFamily(user.id, now)) };
}

function rotated(rotation: Rotation) {
  assert.ok(rotation.ok, `expected a rotation, got ${rotation.ok ? "" : rotation.code}`);
  return rotation;
}

const codeOf = (rotation: Rotation) => (rotation.ok ? "ok" : rotation.code);
const tokenRow = (secret: string) => getDb().refreshToken.findUnique({ where: { id: refreshRowId(secret) } });
const familyRow = (id: string) => getDb().refreshFamily.findUniqueOrThrow({ where: { id } });

describe("rotateRefreshToken: rotation and reuse", () => {
  test("first use hands out a new token and marks the old one used", async () => {
    const { refreshToken, familyId, user } = await newFamily();
    assert.equal((await tokenRow(refreshToken))?.usedAt, null);
    const first = rotated(await rotateRefreshToken(refreshToken, at(SECOND)));
    assert.notEqual(first.refreshToken, refreshToken);
    assert.equal(first.familyId, familyId);
    assert.equal(first.raced, false);
    assert.equal(first.user.id, user.id);
    assert.deepEqual((await tokenRow(refreshToken))?.usedAt, at(SECOND));
    assert.equal((await tokenRow(first.refreshToken))?.usedAt, null, "the child is stored, unused");
  });

  test("the old token again within the grace window → the same child, nothing revoked", async () => {
    const { refreshToken, familyId } = await newFamily();
    const first = rotated(await rotateRefreshToken(refreshToken, T0));
    const again = rotated(await rotateRefreshToken(refreshToken, at(GRACE_MS())));
    assert.equal(again.refreshToken, first.refreshToken);
    assert.equal(again.raced, true);
    assert.equal((await familyRow(familyId)).revokedAt, null);
  });

  test("reuse after the grace window → refresh_reused, and the whole family dies", async () => {
    const { refreshToken, familyId } = await newFamily();
    const child = rotated(await rotateRefreshToken(refreshToken, T0)).refreshToken;
    assert.equal(codeOf(await rotateRefreshToken(refreshToken, at(GRACE_MS() + SECOND))), "refresh_reused");
    const family = await familyRow(familyId);
    assert.deepEqual(family.revokedAt, at(GRACE_MS() + SECOND));
    assert.equal(family.revokedReason, "reuse_detected");
    assert.equal(codeOf(await rotateRefreshToken(child, at(GRACE_MS() + 2 * SECOND))), "refresh_revoked", "the newest token too");
  });

  test("10 parallel rotations of one token at one instant: one child for all, one live chain", async () => {
    const { refreshToken, familyId } = await newFamily();
    const results = await Promise.all(Array.from({ length: 10 }, () => rotateRefreshToken(refreshToken, at(SECOND))));
    const children = new Set(results.map((result) => rotated(result).refreshToken));
    assert.equal(children.size, 1);
    assert.equal(results.filter((result) => result.ok && !result.raced).length, 1, "exactly one request won the mark");
    const tokens = await getDb().refreshToken.findMany({ where: { familyId } });
    assert.equal(tokens.length, 2, "the parent and one child");
    assert.deepEqual(tokens.filter((token) => token.usedAt === null).map((token) => token.id), [refreshRowId([...children][0]!)]);
    assert.equal((await getDb().refreshFamily.count({ where: { userId: (await familyRow(familyId)).userId, revokedAt: null } })), 1);
    const next = rotated(await rotateRefreshToken([...children][0]!, at(2 * SECOND)));
    assert.equal(next.raced, false);
  });
});

describe("rotateRefreshToken: rejections", () => {
  test("after logout (revokeLogin by refresh token or by family id) → refresh_revoked", async () => {
    const byToken = await newFamily();
    await revokeLogin({ refreshToken: byToken.refreshToken }, at(SECOND));
    assert.equal(codeOf(await rotateRefreshToken(byToken.refreshToken, at(2 * SECOND))), "refresh_revoked");
    assert.equal((await familyRow(byToken.familyId)).revokedReason, "logout");

    const byFamily = await newFamily();
    await revokeLogin({ familyId: byFamily.familyId }, at(SECOND));
    assert.equal(codeOf(await rotateRefreshToken(byFamily.refreshToken, at(2 * SECOND))), "refresh_revoked");
  });

  test("at and after the family's absolute lifetime → refresh_expired, for every token in it", async () => {
    const { refreshToken, familyExpiresAt } = await newFamily();
    assert.equal(familyExpiresAt.getTime(), T0.getTime() + getConfig().JWT_REFRESH_TTL_SECONDS * SECOND);
    const child = rotated(await rotateRefreshToken(refreshToken, at(SECOND))).refreshToken;
    assert.equal(codeOf(await rotateRefreshToken(child, at(-1, familyExpiresAt))), "ok");
    const grandchild = rotated(await rotateRefreshToken(child, at(-1, familyExpiresAt))).refreshToken;
    assert.equal(codeOf(await rotateRefreshToken(grandchild, familyExpiresAt)), "refresh_expired");
    assert.equal(codeOf(await rotateRefreshToken(grandchild, at(SECOND, familyExpiresAt))), "refresh_expired");
  });

  test("an access token presented as a refresh token → refresh_malformed", async () => {
    const { user, ...refresh } = await newFamily();
    const { token } = await issueJwtCredential({ userId: user.id, role: user.role, tokenVersion: user.tokenVersion }, refresh, T0);
    assert.equal(codeOf(await rotateRefreshToken(token, at(SECOND))), "refresh_malformed");
    assert.equal(codeOf(await rotateRefreshToken("", at(SECOND))), "refresh_malformed");
  });

  test("a well-formed token we never issued → refresh_unknown", async () => {
    assert.equal(codeOf(await rotateRefreshToken("rt_" + "Q".repeat(43), T0)), "refresh_unknown");
  });

  test("a disabled user's token → user_disabled", async () => {
    const { user, refreshToken } = await newFamily();
    await getDb().user.update({ where: { id: user.id }, data: { disabledAt: T0 } });
    assert.equal(codeOf(await rotateRefreshToken(refreshToken, at(SECOND))), "user_disabled");
  });
});

describe("renewJwtCredential", () => {
  test("rotation never extends the family's expiresAt, nor the refresh cookie past it", async () => {
    const { refreshToken, familyId, familyExpiresAt } = await newFamily();
    let current = refreshToken;
    for (const hours of [1, 2, 3]) {
      const now = at(hours * 3600 * SECOND);
      const renewed = await renewJwtCredential(current, now);
      assert.ok(renewed.ok);
      assert.deepEqual(new Date(renewed.apiFields.refreshExpiresAt), familyExpiresAt);
      const cookie = renewed.cookies.find((c) => c.value === renewed.apiFields.refreshToken);
      assert.equal(cookie?.maxAge, Math.floor((familyExpiresAt.getTime() - now.getTime()) / SECOND));
      current = renewed.apiFields.refreshToken;
    }
    assert.deepEqual((await familyRow(familyId)).expiresAt, familyExpiresAt);
  });

  test("the new access token carries the user's current role; the old one keeps the stale claim", async () => {
    const { user, ...refresh } = await newFamily();
    const before = await issueJwtCredential({ userId: user.id, role: user.role, tokenVersion: user.tokenVersion }, refresh, T0);
    await getDb().user.update({ where: { id: user.id }, data: { role: "admin", tokenVersion: { increment: 1 } } });

    const renewed = await renewJwtCredential(refresh.refreshToken, at(SECOND));
    assert.ok(renewed.ok);
    assert.equal(renewed.claims.role, "admin");
    assert.equal(renewed.claims.ver, user.tokenVersion + 1);
    assert.equal(renewed.claims.fid, refresh.familyId);

    const old = await verifyAccessTokenAuthoritatively(before.token, at(SECOND));
    assert.ok(old.ok, "still valid until its exp: signature and exp alone cannot see the change");
    assert.equal(old.claims.role, "user");
  });
});

describe("rotateRefreshToken: why a revoked login ended (the login page's notice)", () => {
  const noticeOf = (rotation: Rotation) => (rotation.ok ? "ok" : (rotation.endedNotice ?? null));

  test("a family ended by an account event carries that event", async () => {
    for (const reason of ["password_changed", "user_disabled", "ended_by_admin", "logout_everywhere"] as const) {
      const { refreshToken, user } = await newFamily();
      await revokeUserFamilies(user.id, reason, T0);
      const expected = reason === "logout_everywhere" ? "logged_out_everywhere" : reason;
      assert.equal(noticeOf(await rotateRefreshToken(refreshToken, at(SECOND))), expected, reason);
    }
  });

  test("the holder's own logout is no notice; a reused token is", async () => {
    const ownLogout = await newFamily();
    await revokeLogin({ familyId: ownLogout.familyId }, T0);
    assert.equal(noticeOf(await rotateRefreshToken(ownLogout.refreshToken, at(SECOND))), null);

    const copied = await newFamily();
    rotated(await rotateRefreshToken(copied.refreshToken, T0));
    assert.equal(noticeOf(await rotateRefreshToken(copied.refreshToken, at(GRACE_MS() + SECOND))), "reuse_detected");
  });
});

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { decideRefresh, type RefreshRecord } from "./rules.ts";

const SECOND = 1000;
const GRACE_S = 10;
const POLICY = { reuseGraceSeconds: GRACE_S };
const NOW = new Date("2030-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const FAMILY_END = at(3600 * SECOND);

function record(overrides: { usedAt?: Date | null; expiresAt?: Date; revokedAt?: Date | null; disabledAt?: Date | null } = {}): RefreshRecord {
  return {
    usedAt: overrides.usedAt ?? null,
    family: { expiresAt: overrides.expiresAt ?? FAMILY_END, revokedAt: overrides.revokedAt ?? null },
    user: { disabledAt: overrides.disabledAt ?? null },
  };
}

/** The action, or the rejection code: what callers branch on. */
function outcome(rec: RefreshRecord, now: Date, policy = POLICY): string {
  const decision = decideRefresh(rec, now, policy);
  return decision.action === "reject" ? decision.code : decision.action;
}

describe("decideRefresh: rotation and reuse", () => {
  test("an unused token rotates", () => {
    assert.deepEqual(decideRefresh(record(), NOW, POLICY), { action: "rotate" });
  });

  test("used a moment ago (a racing request) → grace", () => {
    assert.equal(outcome(record({ usedAt: NOW }), NOW), "grace");
    assert.equal(outcome(record({ usedAt: NOW }), at(SECOND)), "grace");
  });

  test("grace includes the boundary exactly, reuse starts 1 ms after it", () => {
    const used = record({ usedAt: NOW });
    assert.equal(outcome(used, at(GRACE_S * SECOND)), "grace");
    assert.equal(outcome(used, at(GRACE_S * SECOND + 1)), "reuse");
    assert.equal(outcome(used, at(1800 * SECOND)), "reuse");
  });

  test("a zero-second grace window makes any second use reuse", () => {
    const used = record({ usedAt: NOW });
    assert.equal(outcome(used, NOW, { reuseGraceSeconds: 0 }), "grace");
    assert.equal(outcome(used, at(1), { reuseGraceSeconds: 0 }), "reuse");
  });
});

describe("decideRefresh: absolute lifetime of the family", () => {
  test("valid 1 ms before expiresAt, expired exactly at it and after", () => {
    assert.equal(outcome(record(), at(3600 * SECOND - 1)), "rotate");
    assert.equal(outcome(record(), FAMILY_END), "refresh_expired");
    assert.equal(outcome(record(), at(7200 * SECOND)), "refresh_expired");
  });

  test("an expired family is not reported as reuse (nothing left to revoke)", () => {
    assert.equal(outcome(record({ usedAt: NOW }), FAMILY_END), "refresh_expired");
  });

  test("the rejection carries a message for the response", () => {
    const decision = decideRefresh(record(), FAMILY_END, POLICY);
    assert.equal(decision.action, "reject");
    assert.ok(decision.action === "reject" && decision.message.length > 0);
  });
});

describe("decideRefresh: revoked family and disabled user", () => {
  test("a revoked family is rejected, used or not (an old copy is not reported as reuse again)", () => {
    assert.equal(outcome(record({ revokedAt: NOW }), at(SECOND)), "refresh_revoked");
    assert.equal(outcome(record({ revokedAt: NOW, usedAt: NOW }), at(60 * SECOND)), "refresh_revoked");
  });

  test("a disabled user's token is rejected", () => {
    assert.equal(outcome(record({ disabledAt: NOW }), at(SECOND)), "user_disabled");
    assert.equal(outcome(record({ disabledAt: NOW, usedAt: NOW }), at(60 * SECOND)), "user_disabled");
  });
});

describe("decideRefresh: precedence", () => {
  test("revoked beats disabled beats expired beats reuse", () => {
    const all = { usedAt: NOW, revokedAt: NOW, disabledAt: NOW };
    const late = at(7200 * SECOND);
    assert.equal(outcome(record(all), late), "refresh_revoked");
    assert.equal(outcome(record({ ...all, revokedAt: null }), late), "user_disabled");
    assert.equal(outcome(record({ usedAt: NOW }), late), "refresh_expired");
  });
});

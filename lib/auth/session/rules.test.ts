import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { absoluteExpiry, judgeSession, type SessionPolicy, type SessionTimes } from "./rules.ts";

const MIN = 60_000;
const HOUR = 60 * MIN;
const POLICY: SessionPolicy = { idleTimeoutSeconds: 3600, absoluteTimeoutSeconds: 8 * 3600, touchIntervalSeconds: 60 };
const CREATED = new Date("2030-01-01T00:00:00.000Z");
const at = (ms: number) => new Date(CREATED.getTime() + ms);

function row(lastSeenMs = 0): SessionTimes {
  return { createdAt: CREATED, lastSeenAt: at(lastSeenMs), expiresAt: absoluteExpiry(CREATED, POLICY) };
}

function codeOf(times: SessionTimes, nowMs: number): string {
  const verdict = judgeSession(times, at(nowMs), POLICY);
  return verdict.ok ? "ok" : verdict.code;
}

describe("absoluteExpiry", () => {
  test("is createdAt plus the absolute timeout", () => {
    assert.deepEqual(absoluteExpiry(CREATED, POLICY), at(8 * HOUR));
  });
});

describe("judgeSession: absolute timeout", () => {
  test("valid 1 ms before expiresAt, expired exactly at it", () => {
    const fresh = row(8 * HOUR - MIN);
    assert.equal(codeOf(fresh, 8 * HOUR - 1), "ok");
    assert.equal(codeOf(fresh, 8 * HOUR), "session_expired");
    assert.equal(codeOf(fresh, 30 * 24 * HOUR), "session_expired");
  });

  test("when both limits have passed, the absolute one is reported", () => {
    assert.equal(codeOf(row(0), 9 * HOUR), "session_expired");
  });
});

describe("judgeSession: idle timeout", () => {
  test("valid 1 ms before lastSeenAt + idle, idle exactly at it", () => {
    const seen = row(2 * HOUR);
    assert.equal(codeOf(seen, 3 * HOUR - 1), "ok");
    assert.equal(codeOf(seen, 3 * HOUR), "session_idle");
  });

  test("measured from lastSeenAt, not createdAt", () => {
    assert.equal(codeOf(row(0), 2 * HOUR), "session_idle");
    assert.equal(codeOf(row(90 * MIN), 2 * HOUR), "ok");
  });
});

describe("judgeSession: effective expiry", () => {
  test("is now + idle while that is before the absolute expiry", () => {
    const verdict = judgeSession(row(0), at(10 * MIN), POLICY);
    assert.deepEqual(verdict.ok && verdict.expiresAt, at(10 * MIN + HOUR));
  });

  test("never goes beyond the absolute expiry", () => {
    const verdict = judgeSession(row(7 * HOUR + 30 * MIN), at(7 * HOUR + 40 * MIN), POLICY);
    assert.deepEqual(verdict.ok && verdict.expiresAt, at(8 * HOUR));
  });

  test("steady activity keeps the session alive, but only up to the absolute expiry", () => {
    const times = row(0);
    let nowMs = 0;
    let verdict = judgeSession(times, at(nowMs), POLICY);
    while (verdict.ok) {
      assert.ok(verdict.expiresAt.getTime() <= times.expiresAt.getTime(), `effective expiry beyond absolute at +${nowMs} ms`);
      if (verdict.shouldTouch) times.lastSeenAt = at(nowMs);
      nowMs += 10 * MIN;
      verdict = judgeSession(times, at(nowMs), POLICY);
    }
    assert.equal(verdict.code, "session_expired");
    assert.equal(nowMs, 8 * HOUR);
    assert.deepEqual(times.expiresAt, at(8 * HOUR), "activity must not move the absolute expiry");
  });
});

describe("judgeSession: touch throttling", () => {
  test("no write until the touch interval has passed, then one", () => {
    const seen = row(HOUR);
    const touch = (ms: number) => {
      const verdict = judgeSession(seen, at(ms), POLICY);
      return verdict.ok && verdict.shouldTouch;
    };
    assert.equal(touch(HOUR), false);
    assert.equal(touch(HOUR + MIN - 1), false);
    assert.equal(touch(HOUR + MIN), true);
    assert.equal(touch(HOUR + 30 * MIN), true);
  });

  test("an interval of 0 touches on every request", () => {
    const verdict = judgeSession(row(HOUR), at(HOUR), { ...POLICY, touchIntervalSeconds: 0 });
    assert.equal(verdict.ok && verdict.shouldTouch, true);
  });
});

describe("judgeSession: the expiry it reports", () => {
  test("between touches it is the stored lastSeenAt's idle deadline, not this request's", () => {
    const verdict = judgeSession(row(10 * MIN), at(10 * MIN + 30_000), POLICY);
    assert.ok(verdict.ok && !verdict.shouldTouch);
    assert.deepEqual(verdict.ok && verdict.expiresAt, at(10 * MIN + HOUR));
  });

  test("on a request that touches, it moves with the touch", () => {
    const verdict = judgeSession(row(10 * MIN), at(11 * MIN), POLICY);
    assert.ok(verdict.ok && verdict.shouldTouch);
    assert.deepEqual(verdict.ok && verdict.expiresAt, at(11 * MIN + HOUR));
  });
});

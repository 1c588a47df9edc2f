import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMemoryState } from "../../../state/memory.ts";
import { chargeLoginAttempt, delayAfter, settleLoginSuccess, type LoginClient } from "./throttle.ts";

const policy = { maxFailuresPerDevice: 3, freeFailures: 2, delayBaseSeconds: 10, maxDelaySeconds: 60, windowSeconds: 900 };
const T0 = Date.UTC(2026, 0, 1);
const at = (seconds: number) => T0 + seconds * 1000;
const untrusted: LoginClient = { trustedDevice: null };
const owner: LoginClient = { trustedDevice: "owners-browser" };
const EMAIL = "bob@example.com";

function setup() {
  const { windows } = createMemoryState(() => T0);
  const attempt = (client: LoginClient, second: number, email = EMAIL) => chargeLoginAttempt(windows, policy, email, client, at(second));
  return { windows, attempt };
}

describe("the delay schedule", () => {
  test("free failures cost nothing, then the delay doubles up to the ceiling", () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 50].map((n) => delayAfter(n, policy)), [0, 0, 10, 20, 40, 60, 60, 60]);
  });
});

describe("untrusted clients: progressive delay, never a hard lock", () => {
  test("after the free failures each attempt must wait longer, and Retry-After says how long", async () => {
    const { attempt } = setup();
    assert.equal((await attempt(untrusted, 0)).allowed, true);
    assert.equal((await attempt(untrusted, 1)).allowed, true);
    assert.deepEqual(await attempt(untrusted, 2), { allowed: false, retryAfterSeconds: 9 });
    assert.equal((await attempt(untrusted, 11)).allowed, true, "10 s after the last failure");
    assert.deepEqual(await attempt(untrusted, 12), { allowed: false, retryAfterSeconds: 19 });
    assert.equal((await attempt(untrusted, 31)).allowed, true, "20 s after the last failure");
    assert.deepEqual(await attempt(untrusted, 32), { allowed: false, retryAfterSeconds: 39 });
  });

  test("however many attempts an attacker makes, the wait never exceeds the ceiling", async () => {
    const { attempt } = setup();
    let second = 0;
    for (let i = 0; i < 200; i += 1) {
      const verdict = await attempt(untrusted, second);
      if (!verdict.allowed) assert.ok(verdict.retryAfterSeconds <= policy.maxDelaySeconds);
      second += 1;
    }
    // Refused attempts are not counted, so the owner from a new browser waits ≤ the ceiling.
    assert.equal((await attempt(untrusted, second + policy.maxDelaySeconds)).allowed, true);
  });

  test("parallel attempts cannot all slip through a delay", async () => {
    const { attempt } = setup();
    await attempt(untrusted, 0);
    await attempt(untrusted, 0);
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => attempt(untrusted, 30)));
    assert.equal(verdicts.filter((v) => v.allowed).length, 1);
  });

  test("another account is unaffected", async () => {
    const { attempt } = setup();
    for (let i = 0; i < 5; i += 1) await attempt(untrusted, 0);
    assert.equal((await attempt(untrusted, 0, "alice@example.com")).allowed, true);
  });

  test("a success takes back its own charge", async () => {
    const { windows, attempt } = setup();
    const first = await attempt(untrusted, 0);
    assert.ok(first.allowed);
    await settleLoginSuccess(windows, first.charge);
    assert.equal((await windows.count(`login:untrusted:${EMAIL}`, at(0), 900_000)).count, 0);
  });
});

describe("trusted devices: their own budget", () => {
  test("an attacker's failures from elsewhere never slow the owner's browser", async () => {
    const { attempt } = setup();
    for (let i = 0; i < 50; i += 1) await attempt(untrusted, i);
    assert.equal((await attempt(owner, 50)).allowed, true);
  });

  test("a device's own failures cap it, until the oldest leaves the window", async () => {
    const { attempt } = setup();
    for (let i = 0; i < 3; i += 1) assert.equal((await attempt(owner, i)).allowed, true);
    assert.deepEqual(await attempt(owner, 3), { allowed: false, retryAfterSeconds: 897 });
    assert.equal((await attempt({ trustedDevice: "another-browser" }, 3)).allowed, true);
    assert.equal((await attempt(owner, 900)).allowed, true);
  });

  test("a success on the device starts it afresh", async () => {
    const { windows, attempt } = setup();
    await attempt(owner, 0);
    await attempt(owner, 1);
    const ok = await attempt(owner, 2);
    assert.ok(ok.allowed);
    await settleLoginSuccess(windows, ok.charge);
    assert.equal((await attempt(owner, 3)).allowed, true);
  });
});

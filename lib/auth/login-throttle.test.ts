import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LoginThrottle } from "./login-throttle.ts";

const policy = { maxFailuresPerClient: 3, maxFailuresPerAccount: 5, windowSeconds: 60 };
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, seconds));

function failTimes(throttle: LoginThrottle, times: number, client: string, second = 0) {
  for (let i = 0; i < times; i += 1) throttle.recordFailure("bob@example.com", client, at(second));
}

describe("LoginThrottle", () => {
  test("allows attempts under the per-client cap, refuses at it", () => {
    const throttle = new LoginThrottle(policy);
    failTimes(throttle, 2, "1.1.1.1");
    assert.deepEqual(throttle.check("bob@example.com", "1.1.1.1", at(1)), { allowed: true });
    failTimes(throttle, 1, "1.1.1.1");
    assert.deepEqual(throttle.check("bob@example.com", "1.1.1.1", at(1)), { allowed: false, retryAfterSeconds: 59 });
  });

  test("the window slides: failures older than it stop counting", () => {
    const throttle = new LoginThrottle(policy);
    failTimes(throttle, 3, "1.1.1.1", 0);
    assert.equal(throttle.check("bob@example.com", "1.1.1.1", at(59)).allowed, false);
    assert.equal(throttle.check("bob@example.com", "1.1.1.1", at(60)).allowed, true);
  });

  test("another client address is not blocked by someone else's failures…", () => {
    const throttle = new LoginThrottle(policy);
    failTimes(throttle, 3, "1.1.1.1");
    assert.equal(throttle.check("bob@example.com", "2.2.2.2", at(1)).allowed, true);
  });

  test("…until the account-wide cap stops address rotation", () => {
    const throttle = new LoginThrottle(policy);
    for (const client of ["a", "b", "c", "d", "e"]) failTimes(throttle, 1, client);
    assert.equal(throttle.check("bob@example.com", "fresh-address", at(1)).allowed, false);
  });

  test("a success clears that client's count, not the account-wide one", () => {
    const throttle = new LoginThrottle(policy);
    failTimes(throttle, 3, "1.1.1.1");
    throttle.recordSuccess("bob@example.com", "1.1.1.1");
    assert.equal(throttle.check("bob@example.com", "1.1.1.1", at(1)).allowed, true);
    failTimes(throttle, 2, "2.2.2.2");
    assert.equal(throttle.check("bob@example.com", "3.3.3.3", at(1)).allowed, false);
  });

  test("a success takes back the attempt charged for it on the account", () => {
    const throttle = new LoginThrottle(policy);
    for (let i = 0; i < 5; i += 1) {
      throttle.recordFailure("bob@example.com", `client-${i}`, at(i));
      throttle.recordSuccess("bob@example.com", `client-${i}`, at(i));
    }
    assert.equal(throttle.check("bob@example.com", "another", at(10)).allowed, true);
  });

  test("other accounts are unaffected", () => {
    const throttle = new LoginThrottle(policy);
    failTimes(throttle, 5, "1.1.1.1");
    assert.equal(throttle.check("alice@example.com", "1.1.1.1", at(1)).allowed, true);
  });
});

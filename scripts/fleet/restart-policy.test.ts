import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createRestartPolicy, DEFAULT_RESTART_POLICY, type RestartPolicy } from "./restart-policy.ts";

const POLICY: RestartPolicy = { firstDelayMs: 500, maxDelayMs: 4_000, crashLoopCrashes: 5, crashLoopWindowMs: 60_000, stableAfterMs: 30_000 };
const SECOND = 1000;

/** A fake clock and one instance's policy: `runFor` advances time with the instance up, then it crashes. */
function instance(policy = POLICY) {
  let now = 1_000_000;
  const restarts = createRestartPolicy("app-1", policy);
  restarts.started(now);
  return {
    crashAfter(ms: number, how = "SIGKILL") {
      now += ms;
      const decision = restarts.exited(now, how);
      if (decision.action === "restart") {
        now += decision.delayMs;
        restarts.started(now);
      }
      return decision;
    },
  };
}

describe("the supervisor's restart policy", () => {
  test("one crash is restarted at once, after the first delay", () => {
    assert.deepEqual(instance().crashAfter(10 * 60 * SECOND), { action: "restart", delayMs: 500, crashes: 1 });
  });

  test("crashes in a row back off: the delay doubles up to its cap", () => {
    const app = instance({ ...POLICY, crashLoopCrashes: 100 });
    const delays = Array.from({ length: 6 }, () => app.crashAfter(SECOND)).map((decision) => (decision.action === "restart" ? decision.delayMs : null));
    assert.deepEqual(delays, [500, 1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  test("an instance that stayed up long enough starts the backoff afresh", () => {
    const app = instance();
    app.crashAfter(SECOND);
    app.crashAfter(SECOND);
    assert.deepEqual(app.crashAfter(SECOND), { action: "restart", delayMs: 2_000, crashes: 3 });
    // Up for the stable period, then crashing: the first delay again, though the window still holds the others.
    assert.deepEqual(app.crashAfter(POLICY.stableAfterMs), { action: "restart", delayMs: 500, crashes: 4 });
  });

  test("the crash-loop limit within the window stops the fleet and says why", () => {
    const app = instance();
    for (let i = 0; i < 4; i++) assert.equal(app.crashAfter(SECOND).action, "restart");
    const decision = app.crashAfter(SECOND, "exit 1");
    assert.equal(decision.action, "stop");
    assert.equal(decision.action === "stop" && decision.reason, "app-1 crashed 5 times within 60 s (last: exit 1): a crash loop, not bad luck");
  });

  test("crashes spread wider than the window are bad luck, restarted for ever", () => {
    const app = instance();
    for (let i = 0; i < 20; i++) assert.equal(app.crashAfter(POLICY.crashLoopWindowMs / 4).action, "restart");
  });

  test("the defaults: a first restart within a second, a loop of five crashes in a minute stops", () => {
    assert.equal(DEFAULT_RESTART_POLICY.firstDelayMs <= 1_000, true);
    const app = instance(DEFAULT_RESTART_POLICY);
    const decisions = Array.from({ length: 5 }, () => app.crashAfter(SECOND));
    assert.deepEqual(decisions.map((decision) => decision.action), ["restart", "restart", "restart", "restart", "stop"]);
  });
});

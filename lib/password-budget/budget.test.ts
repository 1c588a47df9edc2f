import { beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { resetConfigForTests } from "../env.ts";
import { SECRETS, withSecrets } from "../env-fixtures.ts";
import { captureEvents } from "../log.ts";
import { hashingPolicy, refundPasswordHashing, resetPasswordBudgetForTests, spendPasswordHashing } from "./budget.ts";

const T0 = 1_700_000_000_000;

/** A budget of 4 with (practically) no refill: every outcome below is decided by counts, not speed. */
function configure(extra: Record<string, string> = {}) {
  Object.assign(process.env, SECRETS, { PASSWORD_HASHES_PER_SECOND: "0.001", PASSWORD_HASH_BURST: "4" }, extra);
  resetConfigForTests();
  resetPasswordBudgetForTests();
}

describe("spendPasswordHashing", () => {
  beforeEach(() => configure());

  test("anonymous work leaves a quarter of the budget; an owner's login may still use it", () => {
    for (let i = 0; i < 3; i++) assert.deepEqual(spendPasswordHashing(1, "anonymous", T0), { ok: true });
    const shed = spendPasswordHashing(1, "anonymous", T0);
    assert.equal(shed.ok, false);
    assert.ok(!shed.ok && shed.retryAfterSeconds >= 1);
    assert.deepEqual(spendPasswordHashing(1, "owner", T0), { ok: true });
    assert.equal(spendPasswordHashing(1, "owner", T0).ok, false);
  });

  test("a sign-up's two operations are charged together, before either runs", () => {
    assert.equal(spendPasswordHashing(2, "anonymous", T0).ok, true);
    assert.equal(spendPasswordHashing(2, "anonymous", T0).ok, false, "only one token above the reserve is left");
    assert.equal(spendPasswordHashing(1, "anonymous", T0).ok, true);
  });

  test("a refund makes room again", () => {
    for (let i = 0; i < 3; i++) spendPasswordHashing(1, "anonymous", T0);
    refundPasswordHashing(1, T0);
    assert.equal(spendPasswordHashing(1, "anonymous", T0).ok, true);
  });

  test("shedding is logged once when it starts and once it has been over for a while, with the count", async () => {
    configure({ PASSWORD_HASHES_PER_SECOND: "1" });
    const { events } = await captureEvents(() => {
      for (let i = 0; i < 5; i++) spendPasswordHashing(1, "anonymous", T0);
      // At the edge a token comes back, is taken, and the next request is shed again: one spell.
      spendPasswordHashing(1, "anonymous", T0 + 1_000);
      spendPasswordHashing(1, "anonymous", T0 + 1_000);
      spendPasswordHashing(1, "anonymous", T0 + 60_000);
    });
    assert.deepEqual(
      events.map((event) => [event.code, event.fields.shed]),
      [
        ["password_hashing_shedding", undefined],
        ["password_hashing_shedding_ended", 3],
      ],
    );
  });
});

describe("hashingPolicy", () => {
  test("default: 8 hashes per second per core, a burst of two seconds of that", () => {
    assert.deepEqual(hashingPolicy(withSecrets(), 2), { ratePerSecond: 16, burst: 32 });
  });

  test("configured: the rate and the burst as given; a tiny rate still bursts at least 4", () => {
    assert.deepEqual(hashingPolicy(withSecrets({ PASSWORD_HASHES_PER_SECOND: "50", PASSWORD_HASH_BURST: "10" }), 2), { ratePerSecond: 50, burst: 10 });
    assert.deepEqual(hashingPolicy(withSecrets({ PASSWORD_HASHES_PER_SECOND: "0.5" }), 2), { ratePerSecond: 0.5, burst: 4 });
  });
});

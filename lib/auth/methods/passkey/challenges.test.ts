import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMemoryState } from "../../../state/memory.ts";
import { CHALLENGE_TTL_MS, rememberChallenge, takeChallenge } from "./challenges.ts";

describe("passkey challenges", () => {
  test("a challenge is taken once; the second take is a replay", async () => {
    const state = createMemoryState();
    await rememberChallenge(state, "c1", { purpose: "sign-in" });
    assert.deepEqual(await takeChallenge(state, "c1", "sign-in"), { ok: true, intent: { purpose: "sign-in" } });
    assert.deepEqual(await takeChallenge(state, "c1", "sign-in"), { ok: false, reason: "challenge_used" });
  });

  test("two takes racing: exactly one wins", async () => {
    const state = createMemoryState();
    await rememberChallenge(state, "c2", { purpose: "sign-in" });
    const takes = await Promise.all([takeChallenge(state, "c2", "sign-in"), takeChallenge(state, "c2", "sign-in")]);
    assert.equal(takes.filter((take) => take.ok).length, 1);
  });

  test("a challenge never issued, or issued for another ceremony, is refused", async () => {
    const state = createMemoryState();
    assert.deepEqual(await takeChallenge(state, "never", "sign-in"), { ok: false, reason: "challenge_unknown" });
    await rememberChallenge(state, "c3", { purpose: "register", userId: "u" });
    assert.deepEqual(await takeChallenge(state, "c3", "sign-in"), { ok: false, reason: "challenge_wrong_purpose" });
  });

  test("a challenge expires after its short lifetime", async () => {
    let now = 1_000_000;
    const state = createMemoryState(() => now);
    await rememberChallenge(state, "c4", { purpose: "sign-in" });
    now += CHALLENGE_TTL_MS + 1;
    assert.deepEqual(await takeChallenge(state, "c4", "sign-in"), { ok: false, reason: "challenge_unknown" });
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createMemoryState } from "../state/memory.ts";
import { paceLabRun, REPEAT_RUNS_PER_MINUTE, RUNS_PER_MINUTE, RUNS_PER_USER } from "./pacing.ts";

const T0 = Date.UTC(2031, 0, 1);
const never = () => false;

describe("paceLabRun", () => {
  test("a user gets RUNS_PER_USER a minute; another user is unaffected", async () => {
    const state = createMemoryState(() => T0);
    for (let i = 0; i < RUNS_PER_USER; i += 1) assert.equal((await paceLabRun("u1", async () => i, never, T0 + i, state)).ran, true);
    assert.deepEqual(await paceLabRun("u1", async () => "x", never, T0 + 10_000, state), { ran: false, retryAfterSeconds: 50, scope: "user" });
    assert.equal((await paceLabRun("u2", async () => "x", never, T0 + 10_000, state)).ran, true);
    assert.equal((await paceLabRun("u1", async () => "x", never, T0 + 60_000, state)).ran, true, "the window slides");
  });

  test("everyone together gets RUNS_PER_MINUTE", async () => {
    const state = createMemoryState(() => T0);
    for (let i = 0; i < RUNS_PER_MINUTE; i += 1) await paceLabRun(`user-${i}`, async () => i, never, T0, state);
    const refused = await paceLabRun("one-more", async () => "x", never, T0, state);
    assert.equal(refused.ran, false);
    assert.equal(!refused.ran && refused.scope, "everyone");
  });

  test("a few accounts running over and over cannot use up everyone's minute", async () => {
    const state = createMemoryState(() => T0);
    // Six free accounts, each running as often as it may: the review's way to lock everyone out.
    let ran = 0;
    for (let round = 0; round < RUNS_PER_USER; round += 1) {
      for (let account = 0; account < 6; account += 1) if ((await paceLabRun(`free-${account}`, async () => 0, never, T0, state)).ran) ran += 1;
    }
    assert.equal(ran, REPEAT_RUNS_PER_MINUTE, "their repeat runs stop where the reserve begins");
    for (let newcomer = 0; newcomer < RUNS_PER_MINUTE - REPEAT_RUNS_PER_MINUTE; newcomer += 1) {
      assert.equal((await paceLabRun(`newcomer-${newcomer}`, async () => 0, never, T0, state)).ran, true, `newcomer ${newcomer} gets a first run`);
    }
    const full = await paceLabRun("one-too-many", async () => 0, never, T0, state);
    assert.equal(!full.ran && full.scope, "everyone", "the global cap still holds");
  });

  test("a user's first run may use the reserve; their next one may not", async () => {
    const state = createMemoryState(() => T0);
    for (let i = 0; i < REPEAT_RUNS_PER_MINUTE; i += 1) await paceLabRun(`filler-${i}`, async () => 0, never, T0, state);
    assert.equal((await paceLabRun("u1", async () => 0, never, T0, state)).ran, true, "a first run may use the reserve");
    const again = await paceLabRun("u1", async () => 0, never, T0, state);
    assert.equal(!again.ran && again.scope, "everyone");
    assert.equal((await paceLabRun("u1", async () => 0, never, T0 + 60_000, state)).ran, true);
  });

  test("a run that was refused inside (cooldown) costs no budget", async () => {
    const state = createMemoryState(() => T0);
    for (let i = 0; i < RUNS_PER_USER * 3; i += 1) await paceLabRun("u1", async () => "refused", (v) => v === "refused", T0, state);
    assert.equal((await paceLabRun("u1", async () => "ran", never, T0, state)).ran, true);
  });

  test("runs in one process take turns", async () => {
    const state = createMemoryState(() => T0);
    const log: string[] = [];
    const run = (name: string) => async () => {
      log.push(`${name} start`);
      await new Promise((resolve) => setImmediate(resolve));
      log.push(`${name} end`);
    };
    await Promise.all([paceLabRun("a", run("a"), never, T0, state), paceLabRun("b", run("b"), never, T0, state)]);
    assert.deepEqual(log, ["a start", "a end", "b start", "b end"]);
  });
});

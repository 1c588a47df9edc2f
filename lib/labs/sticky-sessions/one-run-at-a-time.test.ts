import { afterEach, beforeEach, describe, test } from "node:test";
import assert from "node:assert/strict";
import { useSharedStateForTests } from "../../state/index.ts";
import { createMemoryState } from "../../state/memory.ts";
import { oneStickyRunAtATime } from "./one-run-at-a-time.ts";

describe("one sticky-sessions run at a time", () => {
  beforeEach(() => useSharedStateForTests(createMemoryState()));
  afterEach(() => useSharedStateForTests());

  test("a run that starts while another crashes an instance is refused, and nothing of it runs", async () => {
    let release!: () => void;
    const first = oneStickyRunAtATime(() => new Promise<string>((resolve) => (release = () => resolve("first"))));
    let secondRan = false;
    const second = await oneStickyRunAtATime(async () => {
      secondRan = true;
      return "second";
    });
    assert.deepEqual(second, { refused: true, code: "sticky_lab_busy", retryAfterSeconds: 10 });
    assert.equal(secondRan, false);
    // The refused run gave back only its own claim: the first still holds.
    assert.deepEqual(await oneStickyRunAtATime(async () => "third"), { refused: true, code: "sticky_lab_busy", retryAfterSeconds: 10 });
    release();
    assert.equal(await first, "first");
  });

  test("the claim is given back when a run ends, even by throwing", async () => {
    await assert.rejects(oneStickyRunAtATime(() => Promise.reject(new Error("boom"))), /boom/);
    assert.equal(await oneStickyRunAtATime(async () => "next"), "next");
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { sharedStateContract } from "./contract.ts";
import { createMemoryState } from "./memory.ts";
import { processLocal, replaceProcessLocal } from "./process-local.ts";

sharedStateContract("memory", () => createMemoryState());

describe("memory state, frozen clock", () => {
  test("a counter's expiry is set by the increment that creates it, not extended", async () => {
    let now = 1_000_000;
    const state = createMemoryState(() => now);
    await state.counters.increment("c", 1000);
    now += 900;
    assert.equal(await state.counters.increment("c", 1000), 2);
    now += 100;
    assert.equal(await state.counters.read("c"), 0);
  });

  test("a record lives exactly until its ttl", async () => {
    let now = 5_000;
    const state = createMemoryState(() => now);
    await state.records.set("r", "v", 100);
    now += 99;
    assert.equal(await state.records.get("r"), "v");
    now += 1;
    assert.equal(await state.records.get("r"), null);
  });

  test("a stored record is a copy: changing the original does not change the store", async () => {
    const state = createMemoryState();
    const value = { n: 1 };
    await state.records.set("copy", value, 1000);
    value.n = 2;
    assert.deepEqual(await state.records.get("copy"), { n: 1 });
  });

  test("an event re-added with the same id is counted once", async () => {
    const state = createMemoryState();
    await state.windows.add("w", { id: "a", at: 1 }, 100);
    assert.deepEqual(await state.windows.add("w", { id: "a", at: 2 }, 100), [2]);
  });
});

describe("processLocal", () => {
  test("creates once per name, whichever caller asks first", () => {
    let made = 0;
    const first = processLocal("test:thing", () => ({ made: ++made }));
    const second = processLocal("test:thing", () => ({ made: ++made }));
    assert.equal(first, second);
    assert.equal(made, 1);
    replaceProcessLocal("test:thing");
    assert.notEqual(processLocal("test:thing", () => ({ made: ++made })), first);
  });
});

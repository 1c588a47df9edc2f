import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { deleteInBatches } from "./db-batches.ts";

/** A table of ids in memory, with the statements deleteInBatches makes recorded. */
function table(size: number) {
  const rows = Array.from({ length: size }, (_, i) => `r${i}`);
  const batches: number[] = [];
  return {
    rows,
    batches,
    find: async (take: number) => rows.slice(0, take),
    remove: async (ids: string[]) => {
      batches.push(ids.length);
      for (const id of ids) rows.splice(rows.indexOf(id), 1);
      return ids.length;
    },
  };
}

describe("deleteInBatches", () => {
  test("deletes everything in batches of the given size, stopping at the first short batch", async () => {
    const t = table(7);
    assert.equal(await deleteInBatches(t.find, t.remove, { batchSize: 3, stopAt: Infinity }), 7);
    assert.deepEqual(t.batches, [3, 3, 1]);
    assert.deepEqual(t.rows, []);
  });

  test("an exact multiple needs one more (empty) look, and deletes nothing with it", async () => {
    const t = table(4);
    assert.equal(await deleteInBatches(t.find, t.remove, { batchSize: 2, stopAt: Infinity }), 4);
    assert.deepEqual(t.batches, [2, 2]);
  });

  test("no new batch starts once the time is up; the rest waits for the next sweep", async () => {
    const t = table(10);
    let now = 0;
    const remove = async (ids: string[]) => {
      now += 100; // each statement takes 100 ms on this clock
      return t.remove(ids);
    };
    assert.equal(await deleteInBatches(t.find, remove, { batchSize: 2, stopAt: 250 }, () => now), 6);
    assert.equal(t.rows.length, 4);
  });
});

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import type { SharedState } from "./types.ts";

/**
 * What every SharedState must do, run against memory (memory.test.ts) and Redis
 * (redis.integration.test.ts) alike. Timestamps are chosen by the test near the real clock:
 * Redis expires keys by its own clock, so the expiry tests only ever wait for a lower bound.
 */
export function sharedStateContract(kind: string, make: () => SharedState): void {
  describe(`SharedState contract: ${kind}`, () => {
    const state = make();
    after(() => state.close());
    const key = (name: string) => `contract:${randomUUID()}:${name}`;
    const event = (at: number) => ({ id: randomUUID(), at });
    const waitPast = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    test("a window counts the events inside it, oldest first", async () => {
      const k = key("w");
      const t0 = Date.now();
      assert.deepEqual(await state.windows.add(k, event(t0), 60_000), [t0]);
      assert.deepEqual(await state.windows.add(k, event(t0 + 1000), 60_000), [t0, t0 + 1000]);
      assert.deepEqual(await state.windows.count(k, t0 + 1000, 60_000), { count: 2, oldest: t0, newest: t0 + 1000 });
      assert.deepEqual(await state.windows.count(k, t0 + 60_500, 60_000), { count: 1, oldest: t0 + 1000, newest: t0 + 1000 });
    });

    test("adding trims what fell out of the window", async () => {
      const k = key("trim");
      const t0 = Date.now();
      await state.windows.add(k, event(t0), 10_000);
      assert.deepEqual(await state.windows.add(k, event(t0 + 10_000), 10_000), [t0 + 10_000]);
    });

    test("one event can be taken back; clear empties the window", async () => {
      const k = key("remove");
      const t0 = Date.now();
      const first = event(t0);
      await state.windows.add(k, first, 60_000);
      await state.windows.add(k, event(t0 + 1), 60_000);
      await state.windows.remove(k, first.id);
      assert.equal((await state.windows.count(k, t0 + 1, 60_000)).count, 1);
      await state.windows.clear(k);
      assert.deepEqual(await state.windows.count(k, t0 + 1, 60_000), { count: 0, oldest: null, newest: null });
    });

    test("parallel adds each see a distinct count", async () => {
      const k = key("parallel");
      const t0 = Date.now();
      const sizes = await Promise.all(Array.from({ length: 20 }, (_, i) => state.windows.add(k, event(t0 + i), 60_000)));
      assert.deepEqual(sizes.map((s) => s.length).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
    });

    test("a counter increments atomically and expires", async () => {
      const k = key("counter");
      const values = await Promise.all(Array.from({ length: 10 }, () => state.counters.increment(k, 60_000)));
      assert.deepEqual(values.sort((a, b) => a - b), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      assert.equal(await state.counters.read(k), 10);
      const short = key("short");
      await state.counters.increment(short, 20);
      await waitPast(60);
      assert.equal(await state.counters.read(short), 0);
      assert.equal(await state.counters.increment(short, 20), 1);
    });

    test("a record round-trips as JSON, expires and can be deleted", async () => {
      const k = key("record");
      assert.equal(await state.records.get(k), null);
      await state.records.set(k, { a: 1, b: ["x"] }, 60_000);
      assert.deepEqual(await state.records.get(k), { a: 1, b: ["x"] });
      await state.records.delete(k);
      assert.equal(await state.records.get(k), null);
      const short = key("short-record");
      await state.records.set(short, 1, 20);
      await waitPast(60);
      assert.equal(await state.records.get(short), null);
    });

    test("a lease has one holder until released or run out", async () => {
      const k = key("lease");
      const takes = await Promise.all(["a", "b", "c", "d"].map((holder) => state.leases.acquire(k, holder, 60_000)));
      assert.equal(takes.filter(Boolean).length, 1);
      const holder = ["a", "b", "c", "d"][takes.indexOf(true)]!;
      await state.leases.release(k, holder === "a" ? "b" : "a");
      assert.equal(await state.leases.acquire(k, "e", 60_000), false, "only the holder releases");
      await state.leases.release(k, holder);
      assert.equal(await state.leases.acquire(k, "e", 60_000), true);
      const short = key("short-lease");
      assert.equal(await state.leases.acquire(short, "x", 20), true);
      await waitPast(60);
      assert.equal(await state.leases.acquire(short, "y", 60_000), true, "a lease that ran out is free");
    });

    test("a published message reaches a healthy subscriber until it closes", async () => {
      const channel = key("channel");
      const received: string[] = [];
      let delivered!: () => void;
      const arrived = new Promise<void>((resolve) => (delivered = resolve));
      const subscription = await state.messages.subscribe(channel, (message) => {
        received.push(message);
        delivered();
      });
      assert.equal(subscription.healthy(), true);
      await state.messages.publish(channel, "invalidate:42");
      await arrived;
      assert.deepEqual(received, ["invalidate:42"]);
      await subscription.close();
      assert.equal(subscription.healthy(), false);
      await state.messages.publish(channel, "after close");
      // A round trip on the same connection orders after the publish's delivery.
      await state.records.get(key("barrier"));
      assert.deepEqual(received, ["invalidate:42"]);
    });
  });
}

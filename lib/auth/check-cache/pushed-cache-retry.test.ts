import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { captureEvents } from "../../log.ts";
import { createMemoryState } from "../../state/memory.ts";
import type { Messages } from "../../state/types.ts";
import { createPushedCache, INVALIDATION_CHANNEL } from "./pushed-cache.ts";

describe("pushed cache: a failed publish is tried again until the max age", () => {
  /** A channel whose publishes fail while `down`; timers the test fires by hand. */
  function flakyChannel() {
    const shared = createMemoryState().messages;
    const state = { down: true };
    const timers: { run: () => void; ms: number }[] = [];
    const messages: Messages = {
      publish: async (channel, message) => (state.down ? Promise.reject(new Error("redis unreachable")) : shared.publish(channel, message)),
      subscribe: shared.subscribe,
    };
    return { shared, state, timers, messages, schedule: (run: () => void, ms: number) => void timers.push({ run, ms }) };
  }

  async function fire(timer: { run: () => void } | undefined): Promise<void> {
    assert.ok(timer, "a retry was scheduled");
    timer.run();
    await new Promise((resolve) => setImmediate(resolve));
  }

  test("the other instance evicts once the channel is back, with backoff in between", async () => {
    const channel = flakyChannel();
    let now = 0;
    const clock = () => now;
    const here = createPushedCache({ messages: channel.messages, maxEntries: 10, maxAgeMs: 60_000, retryAfterMs: 5_000, clock, schedule: channel.schedule });
    const there = createPushedCache({ messages: channel.shared, maxEntries: 10, maxAgeMs: 60_000, retryAfterMs: 5_000, clock });
    await Promise.all([here.ready(), there.ready()]);
    there.remember("s1", "row", ["session:1"], there.generation());

    const { events } = await captureEvents(async () => {
      await here.invalidate(["session:1"]);
      assert.equal(there.get("s1"), "row", "the first publish failed: the other instance still holds it");
      now += 100;
      await fire(channel.timers.shift()); // still down
      assert.deepEqual(channel.timers.map((timer) => timer.ms), [200], "the wait doubles");
      channel.state.down = false;
      now += 200;
      await fire(channel.timers.shift());
    });
    assert.equal(there.get("s1"), undefined, "the retried message evicted it there");
    assert.equal(channel.timers.length, 0, "nothing more scheduled once sent");
    assert.deepEqual(events.map((event) => event.code), ["check_cache_publish_failed", "check_cache_publish_failed", "check_cache_publish_retried"]);
  });

  test("gives up at the max age, when every entry it could clear has expired anyway", async () => {
    const channel = flakyChannel();
    let now = 0;
    const cache = createPushedCache({ messages: channel.messages, maxEntries: 10, maxAgeMs: 1_000, retryAfterMs: 5_000, clock: () => now, schedule: channel.schedule });
    await cache.ready();
    await captureEvents(async () => {
      await cache.invalidate(["session:1"]);
      const waits: number[] = [];
      while (channel.timers.length > 0) {
        const timer = channel.timers.shift()!;
        waits.push(timer.ms);
        now += timer.ms;
        await fire(timer);
      }
      // 100 + 200 + 400 = 700 ms; the next wait (800) would end past 1,000 ms.
      assert.deepEqual(waits, [100, 200, 400]);
    });
  });

  test("a closed cache stops retrying", async () => {
    const channel = flakyChannel();
    const cache = createPushedCache({ messages: channel.messages, maxEntries: 10, maxAgeMs: 60_000, retryAfterMs: 5_000, schedule: channel.schedule });
    await cache.ready();
    await captureEvents(() => cache.invalidate(["session:1"]));
    await cache.close();
    let published = false;
    channel.state.down = false;
    channel.shared.subscribe(INVALIDATION_CHANNEL, () => void (published = true));
    await fire(channel.timers.shift());
    assert.equal(published, false);
    assert.equal(channel.timers.length, 0);
  });
});

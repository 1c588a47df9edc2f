import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { captureEvents } from "../../log.ts";
import { createMemoryState } from "../../state/memory.ts";
import type { Messages, Subscription } from "../../state/types.ts";
import { createPushedCache, INVALIDATION_CHANNEL } from "./pushed-cache.ts";

/** A channel whose health the test sets, like Redis losing and regaining its subscriber. */
function controllableChannel() {
  const inner = createMemoryState().messages;
  let healthy = true;
  let failSubscribe = false;
  const listeners = new Set<(healthy: boolean) => void>();
  const messages: Messages = {
    publish: (channel, message) => inner.publish(channel, message),
    async subscribe(channel, onMessage) {
      if (failSubscribe) throw new Error("subscriber cannot connect");
      const real = await inner.subscribe(channel, onMessage);
      const subscription: Subscription = {
        healthy: () => healthy,
        onHealthChange(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        close: () => real.close(),
      };
      return subscription;
    },
  };
  return {
    messages,
    setHealthy(next: boolean) {
      healthy = next;
      for (const listener of listeners) listener(next);
    },
    /** Health flips without the listener being told: only polling can notice. */
    setHealthySilently: (next: boolean) => void (healthy = next),
    setSubscribeFails: (next: boolean) => void (failSubscribe = next),
  };
}

async function readyCache(messages: Messages, clock: () => number = Date.now) {
  const cache = createPushedCache({ messages, maxEntries: 100, maxAgeMs: 60_000, retryAfterMs: 5_000, clock });
  await cache.ready();
  return cache;
}

describe("pushed cache: invalidation travels to the other instances", () => {
  test("an eviction on one instance reaches the other through the channel", async () => {
    const shared = createMemoryState().messages;
    const [here, there] = [await readyCache(shared), await readyCache(shared)];
    there.remember("s1", "row", ["session:1"], there.generation());
    assert.equal(there.get("s1"), "row");
    await here.invalidate(["session:1"]);
    assert.equal(there.get("s1"), undefined);
  });

  test("the instance that invalidates has evicted before its first await", async () => {
    const cache = await readyCache(createMemoryState().messages);
    cache.remember("s1", "row", ["session:1"], cache.generation());
    const pending = cache.invalidate(["session:1"]);
    assert.equal(cache.get("s1"), undefined);
    await pending;
  });

  test("a message it cannot read drops everything (it could have named anything)", async () => {
    const shared = createMemoryState().messages;
    const cache = await readyCache(shared);
    cache.remember("s1", "row", ["session:1"], cache.generation());
    await shared.publish(INVALIDATION_CHANNEL, "not json");
    assert.equal(cache.get("s1"), undefined);
  });

  test("a failed publish is logged, not thrown: the write it follows has happened", async () => {
    const messages: Messages = { publish: async () => Promise.reject(new Error("down")), subscribe: createMemoryState().messages.subscribe };
    const cache = await readyCache(messages);
    const original = console.error;
    const lines: string[] = [];
    console.error = (line: string) => lines.push(line);
    try {
      await cache.invalidate(["session:1"]);
    } finally {
      console.error = original;
    }
    assert.match(lines.join("\n"), /check_cache_publish_failed/);
  });
});

describe("pushed cache: what it tells the metrics", () => {
  test("each publish, and each receipt on another instance with its lag by the publisher's clock", async () => {
    const shared = createMemoryState().messages;
    let wall = 1_000.25;
    const seen: string[] = [];
    const observe = (who: string) => ({
      published: (ok: boolean) => seen.push(`${who} published ${ok}`),
      received: (lagMs: number | null) => seen.push(`${who} received after ${lagMs} ms`),
    });
    const make = async (who: string) => {
      const cache = createPushedCache({ messages: shared, maxEntries: 10, maxAgeMs: 60_000, retryAfterMs: 5_000, observe: observe(who), wallClock: () => wall });
      await cache.ready();
      return cache;
    };
    const [here] = [await make("here"), await make("there")];
    // The memory channel delivers synchronously: the receiver's clock is moved by the publish.
    const publish = shared.publish.bind(shared);
    shared.publish = async (channel, message) => {
      wall += 0.75;
      await publish(channel, message);
    };
    await here.invalidate(["session:1"]);
    // Its own echo is not a receipt: only the other instance counts one.
    assert.deepEqual(seen, ["there received after 0.75 ms", "here published true"]);
    await shared.publish(INVALIDATION_CHANNEL, JSON.stringify({ from: "an older instance", tags: ["session:2"] }));
    assert.deepEqual(seen.slice(2), ["here received after null ms", "there received after null ms"]);
  });

  test("a failed publish is told too", async () => {
    let outcome: boolean | null = null;
    const messages: Messages = { publish: async () => Promise.reject(new Error("down")), subscribe: createMemoryState().messages.subscribe };
    const cache = createPushedCache({ messages, maxEntries: 10, maxAgeMs: 60_000, retryAfterMs: 5_000, observe: { published: (ok) => void (outcome = ok), received: () => {} } });
    await cache.ready();
    const { events } = await captureEvents(() => cache.invalidate(["session:1"]));
    assert.deepEqual(events.map((event) => event.code), ["check_cache_publish_failed"]);
    assert.equal(outcome, false);
  });
});

describe("pushed cache: bypassed while the subscription is not healthy", () => {
  test("unhealthy: nothing served, nothing stored; healthy again: starts empty", async () => {
    const channel = controllableChannel();
    const cache = await readyCache(channel.messages);
    cache.remember("s1", "row", ["session:1"], cache.generation());
    channel.setHealthy(false);
    assert.equal(cache.usable(), false);
    assert.equal(cache.get("s1"), undefined);
    const since = cache.generation();
    assert.equal(cache.remember("s2", "read while down", ["session:2"], since), false);
    channel.setHealthy(true);
    assert.equal(cache.get("s1"), undefined, "flushed on recovery: messages sent meanwhile were lost");
    assert.equal(cache.remember("s2", "read while down", ["session:2"], since), false, "a read begun while down does not land");
    assert.equal(cache.remember("s3", "fresh", ["session:3"], cache.generation()), true);
  });

  test("a health change the listener missed is caught by polling, and still flushes", async () => {
    const channel = controllableChannel();
    const cache = await readyCache(channel.messages);
    cache.remember("s1", "row", ["session:1"], cache.generation());
    channel.setHealthySilently(false);
    assert.equal(cache.get("s1"), undefined);
    channel.setHealthySilently(true);
    assert.equal(cache.get("s1"), undefined);
  });

  test("no subscription yet: bypassed; a failed subscribe is retried only after the pause", async () => {
    const channel = controllableChannel();
    channel.setSubscribeFails(true);
    let now = 0;
    const original = console.error;
    console.error = () => {}; // check_cache_subscribe_failed, expected here
    try {
      const cache = await readyCache(channel.messages, () => now);
      assert.equal(cache.usable(), false);
      channel.setSubscribeFails(false);
      now += 4_999;
      await cache.ready();
      assert.equal(cache.usable(), false, "still within the pause");
      now += 1;
      await cache.ready();
      assert.equal(cache.usable(), true);
    } finally {
      console.error = original;
    }
  });

  test("closed: bypassed for good", async () => {
    const cache = await readyCache(createMemoryState().messages);
    await cache.close();
    assert.equal(cache.remember("s1", "row", [], cache.generation()), false);
    assert.equal(cache.get("s1"), undefined);
  });
});

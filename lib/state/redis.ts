import "server-only";

import type { Redis } from "ioredis";
import type { SharedState, Subscription, WindowSummary } from "./types.ts";
import { connect, ready } from "./redis-connection.ts";
import { ADD_TO_WINDOW, INCREMENT, RELEASE_LEASE } from "./redis-scripts.ts";

/**
 * The fleet's home: every instance reads and writes the same keys, so a throttle counts
 * failures across instances and a lab result lands whichever instance serves the page.
 * Short timeouts and no offline queue: an unreachable Redis is an immediate error (thrown),
 * never a hung request and never a silent "allowed" — the caller picks fail-closed.
 */

export const STATE_KEY_PREFIX = "svj:";

/** Each command the shared state sends, by name: what lib/metrics counts (svj_redis_operations_total). */
export type RedisOperation =
  | "window_add" | "window_count" | "window_remove" | "window_clear"
  | "counter_increment" | "counter_read"
  | "record_get" | "record_set" | "record_delete"
  | "lease_acquire" | "lease_release"
  | "publish" | "subscribe";

/** Told of every command once it settled (ok: it answered). Runs in the caller's async context. */
export type RedisOperationListener = (operation: RedisOperation, ok: boolean) => void;

const scores = (reply: string[]) => reply.filter((_, i) => i % 2 === 1).map(Number);

export function createRedisState(url: string, prefix = STATE_KEY_PREFIX, onOperation: RedisOperationListener = () => {}): SharedState {
  const commands = connect(url);
  /** Runs one command and tells onOperation how it went; the result or error passes through. */
  async function counted<T>(operation: RedisOperation, command: () => Promise<T>): Promise<T> {
    try {
      const result = await command();
      onOperation(operation, true);
      return result;
    } catch (error) {
      onOperation(operation, false);
      throw error;
    }
  }
  let subscriber: Redis | null = null;
  // True from a confirmed SUBSCRIBE until the connection closes.
  let live = false;
  const handlers = new Map<string, Set<(message: string) => void>>();
  const healthListeners = new Set<(healthy: boolean) => void>();
  const k = (key: string) => prefix + key;
  const setLive = (next: boolean) => {
    if (next === live) return;
    live = next;
    healthListeners.forEach((listener) => listener(next));
  };
  const c = () => ready(commands);

  function subscriberClient(): Redis {
    if (subscriber) return subscriber;
    subscriber = connect(url);
    subscriber.on("message", (channel: string, message: string) => {
      for (const handler of handlers.get(channel.slice(prefix.length)) ?? []) handler(message);
    });
    // "close" is the moment messages start to be lost. ioredis resubscribes by itself after a
    // reconnect, but sends those SUBSCRIBEs only after announcing "ready": a PING queued behind
    // them answers once they are in force, and only then are we healthy again.
    const client = subscriber;
    client.on("close", () => setLive(false));
    client.on("ready", () => {
      if (handlers.size > 0) client.ping().then(() => setLive(client.status === "ready"), () => undefined);
    });
    return client;
  }

  return {
    kind: "redis",
    windows: {
      async add(key, event, windowMs) {
        const reply = (await counted("window_add", async () => (await c()).eval(ADD_TO_WINDOW, 1, k(key), event.at, event.id, windowMs))) as string[];
        return scores(reply);
      },
      async count(key, now, windowMs): Promise<WindowSummary> {
        const reply = await counted("window_count", async () => (await c()).zrangebyscore(k(key), `(${now - windowMs}`, "+inf", "WITHSCORES"));
        const ats = scores(reply);
        return { count: ats.length, oldest: ats[0] ?? null, newest: ats.at(-1) ?? null };
      },
      async remove(key, id) {
        await counted("window_remove", async () => (await c()).zrem(k(key), id));
      },
      async clear(key) {
        await counted("window_clear", async () => (await c()).del(k(key)));
      },
    },
    counters: {
      async increment(key, ttlMs) {
        return Number(await counted("counter_increment", async () => (await c()).eval(INCREMENT, 1, k(key), ttlMs)));
      },
      async read(key) {
        return Number((await counted("counter_read", async () => (await c()).get(k(key)))) ?? 0);
      },
    },
    records: {
      async get(key) {
        const text = await counted("record_get", async () => (await c()).get(k(key)));
        return text === null ? null : JSON.parse(text);
      },
      async set(key, value, ttlMs) {
        await counted("record_set", async () => (await c()).set(k(key), JSON.stringify(value), "PX", ttlMs));
      },
      async delete(key) {
        await counted("record_delete", async () => (await c()).del(k(key)));
      },
    },
    leases: {
      async acquire(key, holder, ttlMs) {
        return (await counted("lease_acquire", async () => (await c()).set(k(key), holder, "PX", ttlMs, "NX"))) === "OK";
      },
      async release(key, holder) {
        await counted("lease_release", async () => (await c()).eval(RELEASE_LEASE, 1, k(key), holder));
      },
    },
    messages: {
      async publish(channel, message) {
        await counted("publish", async () => (await c()).publish(k(channel), message));
      },
      async subscribe(channel, onMessage) {
        const redis = await ready(subscriberClient());
        let set = handlers.get(channel);
        if (!set) {
          await counted("subscribe", () => redis.subscribe(k(channel)));
          set = new Set();
          handlers.set(channel, set);
          setLive(true);
        }
        set.add(onMessage);
        let open = true;
        const mine = new Set<(healthy: boolean) => void>();
        const subscription: Subscription = {
          healthy: () => open && live,
          onHealthChange(listener) {
            const wrapped = (healthy: boolean) => open && listener(healthy);
            mine.add(wrapped);
            healthListeners.add(wrapped);
            return () => {
              mine.delete(wrapped);
              healthListeners.delete(wrapped);
            };
          },
          async close() {
            open = false;
            for (const listener of mine) healthListeners.delete(listener);
            set.delete(onMessage);
            if (set.size === 0) {
              handlers.delete(channel);
              if (redis.status === "ready") await redis.unsubscribe(k(channel));
            }
          },
        };
        return subscription;
      },
    },
    async close() {
      commands.disconnect();
      subscriber?.disconnect();
      subscriber = null;
      live = false;
      handlers.clear();
      healthListeners.clear();
    },
  };
}

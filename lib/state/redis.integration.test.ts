import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { after, describe, test } from "node:test";
import { Redis } from "ioredis";
import { REDIS_TEST_URL, UNREACHABLE_REDIS_URL } from "../test-database.ts";
import { sharedStateContract } from "./contract.ts";
import { createRedisState } from "./redis.ts";

// A prefix of its own per run: the Redis is shared, and only this run's keys are removed after.
const prefix = `svj-test:${randomUUID()}:`;

after(async () => {
  const redis = new Redis(REDIS_TEST_URL);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

sharedStateContract("redis", () => createRedisState(REDIS_TEST_URL, prefix));

describe("redis state", () => {
  test("keys carry the prefix", async (t) => {
    const state = createRedisState(REDIS_TEST_URL, prefix);
    t.after(() => state.close());
    await state.records.set("prefixed", 1, 60_000);
    const raw = new Redis(REDIS_TEST_URL);
    t.after(() => raw.disconnect());
    assert.equal(await raw.get(`${prefix}prefixed`), "1");
  });

  test("an unreachable Redis is an error, not an empty answer", async (t) => {
    const state = createRedisState(UNREACHABLE_REDIS_URL, prefix);
    t.after(() => state.close());
    await assert.rejects(state.windows.count("x", Date.now(), 1000));
    await assert.rejects(state.counters.increment("x", 1000));
    await assert.rejects(state.messages.subscribe("x", () => undefined));
  });
});

describe("redis state: subscription health follows the connection", () => {
  test("unhealthy while Redis is gone, healthy again (and resubscribed) when it is back", async (t) => {
    if (!existsSync("/usr/bin/redis-server") && !process.env.REDIS_SERVER_BIN) return t.skip("no redis-server binary to start a private one");
    // A private, throwaway server on this project's test port: the shared one is never stopped.
    const port = Number(process.env.STATE_TEST_REDIS_PORT ?? 3790);
    const start = () => spawn(process.env.REDIS_SERVER_BIN ?? "/usr/bin/redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    let server = start();
    t.after(() => server.kill());
    const state = createRedisState(`redis://127.0.0.1:${port}`, prefix);
    t.after(() => state.close());
    const received: string[] = [];
    const subscription = await retry(() => state.messages.subscribe("health", (message) => received.push(message)));
    assert.equal(subscription.healthy(), true);

    const changes: boolean[] = [];
    const next = () => new Promise<boolean>((resolve) => {
      const stop = subscription.onHealthChange((healthy) => {
        stop();
        resolve(healthy);
      });
    });
    let change = next();
    server.kill();
    changes.push(await change);
    assert.equal(subscription.healthy(), false);

    change = next();
    server = start();
    changes.push(await change);
    assert.deepEqual(changes, [false, true]);
    assert.equal(subscription.healthy(), true);
    await state.messages.publish("health", "after-restart");
    await retry(async () => assert.deepEqual(received, ["after-restart"]));
  });
});

/** Retries until `work` succeeds (a server starting up), at most ~5 s. */
async function retry<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
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

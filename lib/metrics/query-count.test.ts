import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createQueryCounter } from "./query-count.ts";

/**
 * A stand-in for Prisma's `query` event: emitted from inside the call that made the query,
 * after an await, as the client does. Like a PrismaPromise, a query is lazy: it runs when
 * someone calls `then`. The wiring to the real client is checked against a real database in
 * query-count.integration.test.ts.
 */
function fakeDatabase() {
  const listeners = new Set<() => void>();
  const run = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    for (const listener of listeners) listener();
  };
  return {
    listeners,
    subscribe: (listener: () => void) => listeners.add(listener),
    query(): PromiseLike<void> {
      return { then: (onFulfilled, onRejected) => run().then(onFulfilled, onRejected) };
    },
  };
}

describe("createQueryCounter", () => {
  test("counts the queries made inside the work and passes its result through", async () => {
    const db = fakeDatabase();
    const count = createQueryCounter(db.subscribe);
    const { result, queries } = await count(async () => {
      await db.query();
      await db.query();
      return 42;
    });
    assert.equal(result, 42);
    assert.equal(queries, 2);
    assert.equal((await count(async () => "none")).queries, 0);
  });

  test("queries outside any scope count nowhere", async () => {
    const db = fakeDatabase();
    const count = createQueryCounter(db.subscribe);
    const { queries } = await count(async () => {
      await db.query();
    });
    await db.query();
    assert.equal(queries, 1);
  });

  test("concurrent scopes keep their own counts, however their queries interleave", async () => {
    const db = fakeDatabase();
    const count = createQueryCounter(db.subscribe);
    const run = (n: number) =>
      count(async () => {
        for (let i = 0; i < n; i++) await db.query();
      });
    const results = await Promise.all([run(3), run(1), run(0), run(5)]);
    assert.deepEqual(results.map((r) => r.queries), [3, 1, 0, 5]);
  });

  test("a lazy query handed back unawaited, as Prisma's are, still counts in its scope", async () => {
    const db = fakeDatabase();
    const count = createQueryCounter(db.subscribe);
    const results = await Promise.all([count(() => db.query()), db.query(), count(() => db.query())]);
    assert.deepEqual([results[0].queries, results[2].queries], [1, 1]);
  });

  test("parallel queries inside one scope all count", async () => {
    const db = fakeDatabase();
    const count = createQueryCounter(db.subscribe);
    const { queries } = await count(() => Promise.all([db.query(), db.query(), db.query()]));
    assert.equal(queries, 3);
  });

  test("subscribes once, on first use, however often it counts", async () => {
    const db = fakeDatabase();
    const count = createQueryCounter(db.subscribe);
    assert.equal(db.listeners.size, 0);
    for (let i = 0; i < 3; i++) await count(() => db.query());
    assert.equal(db.listeners.size, 1);
  });

  test("a failing piece of work rejects with its own error", async () => {
    const db = fakeDatabase();
    const count = createQueryCounter(db.subscribe);
    await assert.rejects(count(async () => {
      await db.query();
      throw new Error("boom");
    }), /boom/);
  });

  test("Redis commands count apart from queries, in the same scope", async () => {
    const db = fakeDatabase();
    const redis = fakeDatabase();
    const count = createQueryCounter(db.subscribe, redis.subscribe);
    const costs = await count(async () => {
      await db.query();
      await redis.query();
      await redis.query();
    });
    await redis.query();
    assert.deepEqual({ queries: costs.queries, redisOperations: costs.redisOperations }, { queries: 1, redisOperations: 2 });
  });
});

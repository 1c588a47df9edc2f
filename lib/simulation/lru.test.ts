import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { LruCache } from "./lru.ts";

describe("LruCache", () => {
  test("keeps when each entry was stored; using one keeps it from being the next out", () => {
    const cache = new LruCache(2);
    cache.store(1, 10);
    cache.store(2, 20);
    assert.equal(cache.use(1), 10);
    cache.store(3, 30); // 2 was the least recently used
    assert.equal(cache.use(2), undefined);
    assert.equal(cache.use(1), 10);
    assert.equal(cache.use(3), 30);
    assert.equal(cache.size, 2);
  });

  test("storing again replaces the time; delete and clear empty it", () => {
    const cache = new LruCache(5);
    cache.store(1, 10);
    cache.store(1, 15);
    assert.equal(cache.use(1), 15);
    cache.delete(1);
    assert.equal(cache.size, 0);
    cache.store(2, 20);
    cache.clear();
    assert.equal(cache.use(2), undefined);
    cache.store(4, 40);
    assert.equal(cache.use(4), 40);
  });

  test("never holds more than its capacity", () => {
    const cache = new LruCache(100);
    for (let key = 0; key < 1_000; key += 1) cache.store(key, key);
    assert.equal(cache.size, 100);
    assert.equal(cache.use(899), undefined);
    assert.equal(cache.use(900), 900);
  });
});

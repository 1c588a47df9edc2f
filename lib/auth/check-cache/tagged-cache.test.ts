import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { createTaggedCache } from "./tagged-cache.ts";

function trustedCache(options: { maxEntries?: number; maxAgeMs?: number } = {}) {
  let now = 1_000;
  const cache = createTaggedCache<string>({ maxEntries: options.maxEntries ?? 100, maxAgeMs: options.maxAgeMs ?? 60_000, clock: () => now });
  cache.setTrusted(true);
  return { cache, advance: (ms: number) => (now += ms) };
}

describe("tagged cache: eviction", () => {
  test("evicting a tag drops every entry stored under it, and only those", () => {
    const { cache } = trustedCache();
    const since = cache.generation();
    cache.remember("s1", "row 1", ["session:1", "user:a"], since);
    cache.remember("s2", "row 2", ["session:2", "user:a"], since);
    cache.remember("s3", "row 3", ["session:3", "user:b"], since);
    cache.evict(["user:a"]);
    assert.equal(cache.get("s1"), undefined);
    assert.equal(cache.get("s2"), undefined);
    assert.equal(cache.get("s3"), "row 3");
    cache.evict(["session:3"]);
    assert.equal(cache.get("s3"), undefined);
    assert.equal(cache.size(), 0);
  });

  test("an entry stored again drops its old tags: evicting one of them no longer reaches it", () => {
    const { cache } = trustedCache();
    cache.remember("k", "old", ["old-tag"], cache.generation());
    cache.remember("k", "new", ["new-tag"], cache.generation());
    cache.evict(["old-tag"]);
    assert.equal(cache.get("k"), "new");
  });
});

describe("tagged cache: the generation closes the read-then-revoke race", () => {
  test("an answer read before an eviction is not stored after it", () => {
    const { cache } = trustedCache();
    const since = cache.generation(); // a check starts its database read
    cache.evict(["session:1"]); // meanwhile a logout commits and evicts
    assert.equal(cache.remember("s1", "stale row", ["session:1"], since), false);
    assert.equal(cache.get("s1"), undefined);
  });

  test("an answer stored before the eviction arrives is dropped by it", () => {
    const { cache } = trustedCache();
    cache.remember("s1", "row", ["session:1"], cache.generation());
    cache.evict(["session:1"]);
    assert.equal(cache.get("s1"), undefined);
  });

  test("without an eviction in between, the answer is stored", () => {
    const { cache } = trustedCache();
    const since = cache.generation();
    assert.equal(cache.remember("s1", "row", ["session:1"], since), true);
    assert.equal(cache.get("s1"), "row");
  });
});

describe("tagged cache: trust", () => {
  test("untrusted: nothing is served and nothing is stored", () => {
    const { cache } = trustedCache();
    cache.remember("k", "v", ["t"], cache.generation());
    cache.setTrusted(false);
    assert.equal(cache.get("k"), undefined);
    assert.equal(cache.remember("k", "v", ["t"], cache.generation()), false);
  });

  test("trusted again starts empty, and a read begun before refuses to land", () => {
    const { cache } = trustedCache();
    cache.remember("k", "before the outage", ["t"], cache.generation());
    cache.setTrusted(false);
    const since = cache.generation(); // a read while the channel was down
    cache.setTrusted(true);
    assert.equal(cache.get("k"), undefined);
    assert.equal(cache.remember("k", "read while down", ["t"], since), false);
    assert.equal(cache.size(), 0);
  });

  test("a new cache trusts nothing until told", () => {
    const cache = createTaggedCache<string>({ maxEntries: 10, maxAgeMs: 1000 });
    assert.equal(cache.remember("k", "v", [], cache.generation()), false);
  });
});

describe("tagged cache: bounds", () => {
  test("never more than maxEntries: the least recently used goes first", () => {
    const { cache } = trustedCache({ maxEntries: 2 });
    const since = cache.generation();
    cache.remember("a", "1", ["ta"], since);
    cache.remember("b", "2", ["tb"], since);
    assert.equal(cache.get("a"), "1"); // a is now the most recently used
    cache.remember("c", "3", ["tc"], since);
    assert.equal(cache.size(), 2);
    assert.equal(cache.get("b"), undefined);
    assert.equal(cache.get("a"), "1");
    assert.equal(cache.get("c"), "3");
  });

  test("an entry is served until its max age, not at it", () => {
    const { cache, advance } = trustedCache({ maxAgeMs: 1000 });
    cache.remember("k", "v", ["t"], cache.generation());
    advance(999);
    assert.equal(cache.get("k"), "v");
    advance(1);
    assert.equal(cache.get("k"), undefined);
    assert.equal(cache.size(), 0);
  });
});

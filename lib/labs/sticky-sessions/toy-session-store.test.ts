import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { createToySessionStore } from "./toy-session-store.ts";

describe("the toy in-memory session store", () => {
  const T0 = Date.UTC(2026, 0, 1);

  test("finds what it created, and nothing else", () => {
    const store = createToySessionStore();
    const id = store.create("ada@example.test", T0);
    assert.deepEqual(store.find(id, T0 + 1), { name: "ada@example.test", createdAt: T0 });
    assert.equal(store.find(`${id}x`, T0), null);
    assert.notEqual(store.create("ada@example.test", T0), id);
  });

  test("forgetAll is a crash: every session is gone", () => {
    const store = createToySessionStore();
    const id = store.create("ada", T0);
    store.forgetAll();
    assert.equal(store.find(id, T0), null);
    assert.equal(store.size(), 0);
  });

  test("a session dies at its time to live", () => {
    const store = createToySessionStore({ maxSessions: 10, ttlMs: 1000 });
    const id = store.create("ada", T0);
    assert.ok(store.find(id, T0 + 999));
    assert.equal(store.find(id, T0 + 1000), null);
    assert.equal(store.size(), 0);
  });

  test("past the cap the oldest session is dropped, so anonymous logins cannot fill memory", () => {
    const store = createToySessionStore({ maxSessions: 2, ttlMs: 60_000 });
    const [first, second, third] = ["a", "b", "c"].map((name) => store.create(name, T0));
    assert.equal(store.size(), 2);
    assert.equal(store.find(first!, T0), null);
    assert.equal(store.find(second!, T0)?.name, "b");
    assert.equal(store.find(third!, T0)?.name, "c");
  });
});

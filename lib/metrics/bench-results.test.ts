import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { defaultBenchConfiguration } from "./bench-results.ts";

describe("defaultBenchConfiguration", () => {
  test("lib/env.ts's own defaults: push on SQLite and in a fleet (Redis), off on PostgreSQL without Redis", () => {
    assert.deepEqual(defaultBenchConfiguration({ database: "SQLite", fleet: false }), { cache: "push", check: "denylist", alg: "EdDSA" });
    assert.equal(defaultBenchConfiguration({ database: "PostgreSQL", fleet: false }).cache, "off");
    assert.equal(defaultBenchConfiguration({ database: "PostgreSQL", fleet: true }).cache, "push");
  });
});

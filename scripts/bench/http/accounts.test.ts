import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { retryDelayMs } from "./accounts.ts";

describe("retryDelayMs", () => {
  test("waits what Retry-After says, capped at 10 s; 1 s when it says nothing usable", () => {
    assert.equal(retryDelayMs("2"), 2000);
    assert.equal(retryDelayMs("60"), 10_000);
    for (const junk of [null, "", "soon", "-3", "0"]) assert.equal(retryDelayMs(junk), 1000, String(junk));
  });
});

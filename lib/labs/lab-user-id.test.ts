import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { isLabUserId, newLabUserId } from "./lab-user-id.ts";

describe("lab user ids", () => {
  test("a lab user's id is recognised, and every one is new", () => {
    const [a, b] = [newLabUserId(), newLabUserId()];
    assert.ok(isLabUserId(a) && isLabUserId(b));
    assert.notEqual(a, b);
  });

  test("the database's own ids (plain uuids) are never lab ids", () => {
    for (let i = 0; i < 20; i += 1) assert.equal(isLabUserId(randomUUID()), false);
    assert.equal(isLabUserId(""), false);
  });
});

import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { isKnownWarning } from "./quiet-known-warnings.ts";

describe("isKnownWarning", () => {
  test("the MockTimers warning, as a string or an Error, by its exact opening", () => {
    assert.equal(isKnownWarning("The MockTimers API is an experimental feature and might change at any time"), true);
    assert.equal(isKnownWarning(new Error("The MockTimers API is an experimental feature")), true);
  });

  test("every other warning still prints, experimental or not", () => {
    assert.equal(isKnownWarning("The Fetch API is an experimental feature"), false);
    assert.equal(isKnownWarning("Warning: The MockTimers API is an experimental feature"), false);
    assert.equal(isKnownWarning(undefined), false);
  });
});

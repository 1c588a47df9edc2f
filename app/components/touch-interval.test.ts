import { test } from "node:test";
import assert from "node:assert/strict";
import { touchIntervalPhrase } from "./touch-interval.ts";

test("the configured touch interval, in words", () => {
  assert.equal(touchIntervalPhrase(60), "at most once a minute");
  assert.equal(touchIntervalPhrase(300), "at most once every 5 minutes");
  assert.equal(touchIntervalPhrase(90), "at most once every 90 seconds");
  assert.equal(touchIntervalPhrase(1), "at most once a second");
  assert.equal(touchIntervalPhrase(0), "on every request");
});

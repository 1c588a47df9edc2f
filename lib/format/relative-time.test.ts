import { test } from "node:test";
import assert from "node:assert/strict";
import { localLabel, relativeLabel, relativeParts, utcLabel } from "./relative-time.ts";

// A frozen clock: every expectation is relative to this instant, never to the machine's.
const NOW = new Date("2026-11-26T16:55:24.500Z");
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

test("the UTC form is stable and to the second", () => {
  assert.equal(utcLabel(NOW), "2026-11-26 16:55:24 UTC");
});

test("future and past, in the largest unit the distance fills", () => {
  assert.equal(relativeLabel(at(14 * 60), NOW, "en"), "in 14 minutes");
  assert.equal(relativeLabel(at(-3 * 60), NOW, "en"), "3 minutes ago");
  assert.equal(relativeLabel(at(-90 * 60), NOW, "en"), "1 hour ago");
  assert.equal(relativeLabel(at(26 * 3600), NOW, "en"), "tomorrow");
  assert.equal(relativeLabel(at(-8 * 86_400), NOW, "en"), "last week");
  assert.equal(relativeLabel(at(-400 * 86_400), NOW, "en"), "last year");
  assert.equal(relativeLabel(at(45), NOW, "en"), "in 45 seconds");
});

test("rounded toward zero: 59 minutes is not yet an hour", () => {
  assert.deepEqual(relativeParts(at(59 * 60 + 59), NOW), { value: 59, unit: "minute" });
  assert.deepEqual(relativeParts(at(3600), NOW), { value: 1, unit: "hour" });
  assert.deepEqual(relativeParts(at(-119 * 60), NOW), { value: -1, unit: "hour" });
});

test("within ten seconds either way it is now", () => {
  assert.equal(relativeLabel(at(9.9), NOW, "en"), "now");
  assert.equal(relativeLabel(at(-9.9), NOW, "en"), "now");
  assert.equal(relativeLabel(at(-10), NOW, "en"), "10 seconds ago");
});

test("the reader's locale and zone decide the local form", () => {
  assert.equal(localLabel(NOW, "en-GB", "Europe/Berlin"), "26 Nov 2026, 17:55");
  assert.equal(localLabel(NOW, "en-US", "America/New_York"), "Nov 26, 2026, 11:55 AM");
  assert.equal(relativeLabel(at(-3 * 60), NOW, "de"), "vor 3 Minuten");
});

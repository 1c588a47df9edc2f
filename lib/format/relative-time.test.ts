import { test } from "node:test";
import assert from "node:assert/strict";
import { localLabel, relativeLabel, relativeParts, utcLabel } from "./relative-time.ts";

// A frozen clock: every expectation is relative to this instant, never to the machine's.
const NOW = new Date("2026-11-26T16:55:24.500Z");
const HOUR = 3600;
const at = (offsetSeconds: number) => new Date(NOW.getTime() + offsetSeconds * 1000);

test("the UTC form is stable and to the second", () => {
  assert.equal(utcLabel(NOW), "2026-11-26 16:55:24 UTC");
});

test("future and past, in the unit that reads best", () => {
  assert.equal(relativeLabel(at(14 * 60), NOW, "en"), "in 14 minutes");
  assert.equal(relativeLabel(at(-3 * 60), NOW, "en"), "3 minutes ago");
  assert.equal(relativeLabel(at(-90 * 60), NOW, "en"), "2 hours ago");
  assert.equal(relativeLabel(at(26 * 3600), NOW, "en"), "tomorrow");
  assert.equal(relativeLabel(at(6 * 86_400 + 23 * 3600), NOW, "en"), "in 7 days");
  assert.equal(relativeLabel(at(-40 * 86_400), NOW, "en"), "last month");
  assert.equal(relativeLabel(at(-400 * 86_400), NOW, "en"), "last year");
  assert.equal(relativeLabel(at(30), NOW, "en"), "in 30 seconds");
});

test("rounded to the nearest, each unit until the next reads better", () => {
  // An idle deadline 1 h 59 min away is nearly two hours, not one.
  assert.deepEqual(relativeParts(at(HOUR * 2 - 60), NOW), { value: 2, unit: "hour" });
  assert.deepEqual(relativeParts(at(14 * 60 + 59), NOW), { value: 15, unit: "minute" });
  assert.deepEqual(relativeParts(at(44 * 60), NOW), { value: 44, unit: "minute" });
  assert.deepEqual(relativeParts(at(45 * 60), NOW), { value: 1, unit: "hour" });
  assert.deepEqual(relativeParts(at(-50), NOW), { value: -1, unit: "minute" });
  assert.deepEqual(relativeParts(at(-21 * HOUR), NOW), { value: -21, unit: "hour" });
  assert.deepEqual(relativeParts(at(-22 * HOUR), NOW), { value: -1, unit: "day" });
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

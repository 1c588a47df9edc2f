import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { formatRemaining, remainingLabel, secondsUntil } from "./remaining.ts";

const NOW = Date.parse("2026-12-06T12:00:00.000Z");

describe("countdowns", () => {
  test("minutes and seconds below an hour, hours above, days in front beyond a day", () => {
    assert.deepEqual([0, 5, 59.9, 61, 899, 3600, 3661, 86_399, 86_400, 7 * 86_400 - 1].map(formatRemaining), [
      "00:00",
      "00:05",
      "00:59",
      "01:01",
      "14:59",
      "01:00:00",
      "01:01:01",
      "23:59:59",
      "1 d 00:00:00",
      "6 d 23:59:59",
    ]);
  });

  test("never a negative clock", () => {
    assert.equal(formatRemaining(-30), "00:00");
  });

  test("seconds until an instant, against a frozen clock", () => {
    assert.equal(secondsUntil("2026-12-06T12:15:00.000Z", NOW), 900);
    assert.equal(secondsUntil("2026-12-06T11:59:59.000Z", NOW), -1);
  });

  test("the header's label: a duration, never a clock reading; 'ended' at and after the instant", () => {
    const after = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();
    assert.deepEqual([898.4, 900, 59, 1, 3600, 7198, 86_400 * 6 + 3600 * 23 + 59].map((seconds) => remainingLabel(after(seconds), NOW)), [
      "in 14 min 58 s",
      "in 15 min 0 s",
      "in 59 s",
      "in 1 s",
      "in 1 h 0 min",
      "in 1 h 59 min",
      "in 6 d 23 h",
    ]);
    assert.equal(remainingLabel(after(0.5), NOW), "in 0 s", "still accepted for half a second: not ended yet");
    assert.equal(remainingLabel("2026-12-06T12:00:00.000Z", NOW), "ended");
    assert.equal(remainingLabel("2026-12-06T11:00:00.000Z", NOW), "ended");
  });
});

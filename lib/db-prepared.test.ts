import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { fromPgTimestamp, toPgParam } from "./db-prepared.ts";

// The named statements bypass PrismaPg's own conversions, so they must bind and read a
// `timestamp` (without time zone) column exactly as it does: UTC wall time, whatever TZ says.
describe("prepared statements' timestamps", () => {
  test("a Date is bound as UTC wall time, not the process's local time", () => {
    assert.equal(toPgParam(new Date("2026-12-07T00:30:05.123Z")), "2026-12-07 00:30:05.123");
    assert.equal(toPgParam(new Date("2026-07-01T23:59:59.000+02:00")), "2026-07-01 21:59:59.000");
    assert.equal(toPgParam("jti-1"), "jti-1");
  });

  test("a column's text reads back as the same instant", () => {
    const instant = new Date("2026-12-07T00:30:05.123Z");
    assert.equal(new Date(fromPgTimestamp(toPgParam(instant) as string)).getTime(), instant.getTime());
    assert.equal(new Date(fromPgTimestamp("2026-01-01 02:00:00")).toISOString(), "2026-01-01T02:00:00.000Z");
  });
});

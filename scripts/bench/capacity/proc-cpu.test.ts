import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseProcStatMicros } from "./proc-cpu.ts";

describe("parseProcStatMicros", () => {
  test("user plus system ticks, in µs, whatever the command name holds", () => {
    const fields = (name: string) => `4242 (${name}) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 75 0 0 20 0 1 0 100 1000000 500 18446744073709551615`;
    assert.equal(parseProcStatMicros(fields("postgres")), 3_250_000);
    assert.equal(parseProcStatMicros(fields("postgres: bench (x) idle")), 3_250_000);
  });

  test("text that is not a stat line is no figure", () => {
    assert.equal(parseProcStatMicros("nonsense"), null);
  });
});

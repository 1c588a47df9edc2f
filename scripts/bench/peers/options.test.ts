import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parsePeersOptions, PeersUsageError } from "./options.ts";

describe("parsePeersOptions", () => {
  it("measures 5 rounds of 5 s by default, on ports from 3700", () => {
    const options = parsePeersOptions([], 2);
    assert.equal(options.rounds, 5);
    assert.equal(options.seconds, 5);
    assert.equal(options.port, 3700);
    assert.equal(options.short, false);
  });
  it("--quick is one round of 2 s with no warm-up, marked short", () => {
    const options = parsePeersOptions(["--quick"], 2);
    assert.deepEqual([options.rounds, options.seconds, options.warmupSeconds, options.short], [1, 2, 0, true]);
  });
  it("lets --rounds and --seconds override --quick", () => {
    const options = parsePeersOptions(["--quick", "--rounds", "3", "--seconds", "5"], 2);
    assert.deepEqual([options.rounds, options.seconds, options.short], [3, 5, false]);
  });
  it("splits --only", () => {
    assert.deepEqual(parsePeersOptions(["--only", "ours, authjs"], 2).only, ["ours", "authjs"]);
  });
  it("refuses nonsense with a usage error", () => {
    assert.throws(() => parsePeersOptions(["--rounds", "0"], 2), PeersUsageError);
    assert.throws(() => parsePeersOptions(["--seconds", "x"], 2), PeersUsageError);
    assert.throws(() => parsePeersOptions(["--bogus"], 2));
  });
});

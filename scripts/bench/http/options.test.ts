import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { parseBenchOptions, UsageError } from "./options.ts";

describe("parseBenchOptions", () => {
  test("defaults: 5 s, 3 rounds, 16 connections, every check and alg, single servers, not a short run", () => {
    const options = parseBenchOptions([], 2);
    assert.equal(options.durationSeconds, 5);
    assert.equal(options.rounds, 3);
    assert.equal(options.connections, 16);
    assert.deepEqual(options.checks, ["none", "denylist"]);
    assert.deepEqual(options.algs, ["EdDSA", "HS256"]);
    assert.equal(options.fleetSize, 0);
    assert.equal(options.short, false);
    assert.equal(options.threads, 1);
  });

  test("a trial run is flagged short", () => {
    assert.equal(parseBenchOptions(["--duration", "2", "--rounds", "1"], 2).short, true);
    assert.equal(parseBenchOptions(["--rounds", "2"], 8).short, true);
  });

  test("--fleet means two instances; lists are trimmed", () => {
    const options = parseBenchOptions(["--fleet", "--checks", "none, denylist", "--algs", "HS256"], 8);
    assert.equal(options.fleetSize, 2);
    assert.deepEqual(options.checks, ["none", "denylist"]);
    assert.deepEqual(options.algs, ["HS256"]);
    assert.equal(options.threads, 4);
  });

  test("refuses what it cannot honour, naming the option", () => {
    assert.throws(() => parseBenchOptions(["--duration", "0"], 2), (error) => error instanceof UsageError && /--duration/.test(error.message));
    assert.throws(() => parseBenchOptions(["--rounds", "1.5"], 2), /--rounds/);
    assert.throws(() => parseBenchOptions(["--checks", "maybe"], 2), /--checks: choose from none, denylist/);
    assert.throws(() => parseBenchOptions(["--algs", ""], 2), /--algs/);
    assert.throws(() => parseBenchOptions(["--warmup", "-1"], 2), /--warmup/);
    assert.throws(() => parseBenchOptions(["--skip-build", "--rebuild"], 2), /contradict/);
    assert.throws(() => parseBenchOptions(["--nonsense"], 2), UsageError);
  });
});

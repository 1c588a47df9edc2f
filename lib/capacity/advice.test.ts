import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { adviceFor } from "./advice.ts";
import { DEFAULT_INPUTS } from "./inputs.ts";
import { modelMode } from "./model.ts";
import { TEST_COSTS } from "./test-costs.ts";

const inputs = { ...DEFAULT_INPUTS, peakRps: 10_000, activeUsers: 100_000, sessionsPerUser: 1, instances: 10 };

describe("adviceFor", () => {
  test("session reads filling PostgreSQL with every check reading: the push cache and replicas, with what each costs", () => {
    const off = { ...inputs, sessionCache: "off" as const };
    const advice = adviceFor("session", "PostgreSQL primary", modelMode("session", off, TEST_COSTS), off);
    assert.match(advice, /SESSION_CACHE=push/);
    assert.match(advice, /replicas/);
    assert.match(advice, /revocation lag/);
  });

  test("JWT reads with the denylist check: the hybrid and shorter tokens", () => {
    const advice = adviceFor("jwt", "PostgreSQL primary", modelMode("jwt", inputs, TEST_COSTS), inputs);
    assert.match(advice, /hybrid/);
    assert.match(advice, /short tokens/);
  });

  test("writes dominating: partitioning, whichever the mode", () => {
    const quiet = { ...inputs, peakRps: 10, revocationsPerMinute: 60_000 };
    assert.match(adviceFor("session", "PostgreSQL primary", modelMode("session", quiet, TEST_COSTS), quiet), /partition/);
  });

  test("Redis with push on many instances: the fan-out, and a cluster for the throttles", () => {
    const push = { ...inputs, sessionCache: "push" as const };
    assert.match(adviceFor("session", "Redis", modelMode("session", push, TEST_COSTS), push), /SPUBLISH/);
  });

  test("app CPU: more instances, and how much of it is authentication", () => {
    assert.match(adviceFor("jwt", "app CPU", modelMode("jwt", inputs, TEST_COSTS), inputs), /Add instances or cores: .* \(authentication is \d+ % of this CPU\)/);
  });
});

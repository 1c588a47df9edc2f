import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { createMemoryState } from "../state/memory.ts";
import type { SharedState } from "../state/types.ts";
import { labRun, latestLabResult, latestRevocationLag, recordLabResult } from "./store.ts";
import type { LabColumn, LabId, LabResult } from "./types.ts";

function column(mode: "session" | "jwt", measures: LabColumn["measures"] = {}): LabColumn {
  return { mode, steps: [], verdict: { outcome: "x", tone: "safe", headline: "x", reasonCodes: [] }, measures };
}

function result(lab: LabId, runId: string, measures: Record<"session" | "jwt", LabColumn["measures"]> = { session: {}, jwt: {} }): LabResult {
  return {
    lab,
    runId,
    startedAt: "2031-01-01T00:00:00.000Z",
    finishedAt: "2031-01-01T00:00:01.000Z",
    origin: "http://localhost:3000",
    user: { email: "lab-x@labs.invalid", role: "user", deleted: true },
    config: { JWT_REVOCATION_CHECK: "denylist" },
    columns: { session: column("session", measures.session), jwt: column("jwt", measures.jwt) },
    notes: [],
  };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
let now = Date.UTC(2031, 0, 1);
let state: SharedState;
beforeEach(() => {
  state = createMemoryState(() => now);
});

describe("lab results store", () => {
  test("keeps the latest result per lab, and runs by id", async () => {
    await recordLabResult(result("tampering", id(1)), state);
    await recordLabResult(result("tampering", id(2)), state);
    await recordLabResult(result("stale-claims", id(3)), state);
    assert.equal((await latestLabResult("tampering", state))?.runId, id(2));
    assert.equal((await latestLabResult("stale-claims", state))?.runId, id(3));
    assert.equal(await latestLabResult("database-outage", state), null);
    assert.equal((await labRun(id(1), state))?.runId, id(1));
  });

  test("forgets a run after an hour, never the latest result", async () => {
    await recordLabResult(result("tampering", id(1)), state);
    now += 60 * 60_000;
    assert.equal(await labRun(id(1), state), null);
    assert.equal((await latestLabResult("tampering", state))?.runId, id(1));
  });

  test("a run id that is not a UUID names nothing", async () => {
    assert.equal(await labRun("../../etc", state), null);
  });
});

describe("latestRevocationLag", () => {
  test("null before the stolen-credential lab ran", async () => {
    assert.equal(await latestRevocationLag(state), null);
  });

  test("the measured lags, per mode, here and downstream", async () => {
    await recordLabResult(
      result("stolen-credential", id(9), {
        session: { revocationLagSeconds: 0, downstreamRevocationLagSeconds: 0 },
        jwt: { revocationLagSeconds: 0, downstreamRevocationLagSeconds: 897 },
      }),
      state,
    );
    assert.deepEqual(await latestRevocationLag(state), {
      ranAt: "2031-01-01T00:00:01.000Z",
      revocationCheck: "denylist",
      app: { session: 0, jwt: 0 },
      downstream: { session: 0, jwt: 897 },
    });
  });
});

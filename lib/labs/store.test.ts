import assert from "node:assert/strict";
import { beforeEach, describe, test } from "node:test";
import { labRun, latestLabResult, latestRevocationLag, recordLabResult, resetLabResults } from "./store.ts";
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

beforeEach(() => resetLabResults());

describe("lab results store", () => {
  test("keeps the latest result per lab, and runs by id", () => {
    recordLabResult(result("tampering", "1"));
    recordLabResult(result("tampering", "2"));
    recordLabResult(result("stale-claims", "3"));
    assert.equal(latestLabResult("tampering")?.runId, "2");
    assert.equal(latestLabResult("stale-claims")?.runId, "3");
    assert.equal(latestLabResult("database-outage"), null);
    assert.equal(labRun("1")?.runId, "1");
  });

  test("forgets the oldest runs beyond 50, never the latest", () => {
    for (let i = 0; i < 60; i += 1) recordLabResult(result("tampering", String(i)));
    assert.equal(labRun("9"), null);
    assert.equal(labRun("10")?.runId, "10");
    assert.equal(latestLabResult("tampering")?.runId, "59");
  });
});

describe("latestRevocationLag", () => {
  test("null before the stolen-credential lab ran", () => {
    assert.equal(latestRevocationLag(), null);
  });

  test("the measured lags, per mode, here and downstream", () => {
    recordLabResult(
      result("stolen-credential", "r", {
        session: { revocationLagSeconds: 0, downstreamRevocationLagSeconds: 0 },
        jwt: { revocationLagSeconds: 0, downstreamRevocationLagSeconds: 897 },
      }),
    );
    assert.deepEqual(latestRevocationLag(), {
      ranAt: "2031-01-01T00:00:01.000Z",
      revocationCheck: "denylist",
      app: { session: 0, jwt: 0 },
      downstream: { session: 0, jwt: 897 },
    });
  });
});

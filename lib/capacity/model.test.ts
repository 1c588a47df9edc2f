import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_INPUTS, type ReaderInputs } from "./inputs.ts";
import { modelMode } from "./model.ts";
import { saturationOf } from "./saturation.ts";
import { TEST_COSTS } from "./test-costs.ts";

// 100,000 logins (one per user), 10,000 req/s: each login 0.1 req/s; 10 revocations a second.
const base: ReaderInputs = {
  ...DEFAULT_INPUTS,
  peakRps: 10_000,
  activeUsers: 100_000,
  sessionsPerUser: 1,
  instances: 10,
  revocationsPerMinute: 600,
  sessionCache: "off",
  jwtRevocationCheck: "denylist",
  accessTokenSeconds: 900,
  cacheSeconds: undefined,
  cacheHitRatio: undefined,
};
const WEEK = 7 * 24 * 3600;
const FORTNIGHT = 14 * 24 * 3600;

function close(actual: number, expected: number, what: string) {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
}

describe("session mode, every check reading the database (SESSION_CACHE=off)", () => {
  const result = modelMode("session", base, TEST_COSTS);
  const logins = 10 + 100_000 / WEEK; // revoked logins replaced + logins at the end of their life
  const touches = 100_000 / (60 + 1 / 0.1); // a write a touch interval after the last, plus the wait for a request

  test("reads: one per check, one per login", () => {
    close(result.dbReadsPerSecond, 10_000 + logins, "reads");
  });

  test("writes: two per login, one per touch, one per logout", () => {
    close(result.dbWritesPerSecond, 2 * logins + touches + 10, "writes");
  });

  test("CPU: the check with a read and, for the 95 % of credentials no memo holds, an unseal", () => {
    // The seal memo holds 5,000 of 100,000 logins on each instance: 5 % of checks skip the unseal.
    const perCheck = 100 + 0.95 * 300 + 500;
    const auth = 10_000 * perCheck + logins * 20_000 + touches * 600 + 10 * 1_000;
    close(result.authCores, auth / 1e6, "auth cores");
    close(result.appCores, (auth + 10_000 * 800) / 1e6, "app cores");
    close(result.utilization["app CPU"], (auth + 10_000 * 800) / 1e6 / 10, "app utilization");
  });

  test("PostgreSQL: each operation's rate over what pgbench measured for it alone", () => {
    close(result.utilization["PostgreSQL primary"], 10_000 / 10_000 + logins / 1_000 + 10 / 2_000 + touches / 2_000, "db utilization");
  });

  test("Redis: the login throttle's two commands; no invalidations without push", () => {
    close(result.redisOpsPerSecond, 2 * logins, "redis ops");
    assert.deepEqual(result.pubsub, { publishedPerSecond: 0, deliveredPerSecond: 0 });
  });

  test("bytes: the cookie on every request, Set-Cookie on every login", () => {
    close(result.credentialBytesPerSecond, 10_000 * 300 + logins * 400, "bandwidth");
  });

  test("revocation: the next request", () => {
    assert.equal(result.revocationLag.seconds, 0);
  });
});

describe("SESSION_CACHE=push", () => {
  const result = modelMode("session", { ...base, sessionCache: "push" }, TEST_COSTS, 2.5);

  test("the hit ratio is bounded by what 10,000 entries per instance hold of 100,000 logins", () => {
    // Renewal alone: 0.01 req/s per login per instance × 60 s = 0.6 → 0.6 / 1.6 = 0.375; the bound is 0.1.
    close(result.traffic.cacheHitRatio, 0.1, "hit ratio");
    assert.equal(result.traffic.cacheHitRatioDerived, true);
    close(result.dbReadsPerSecond, 10_000 * 0.9 + 10 + 100_000 / WEEK, "reads");
  });

  test("each revocation is published once and delivered to all ten instances", () => {
    assert.deepEqual(result.pubsub, { publishedPerSecond: 10, deliveredPerSecond: 100 });
    const logins = 10 + 100_000 / WEEK;
    close(result.utilization.Redis, (2 * logins) / 50_000 + 10 / 100_000 + (100 * 1) / 1e6, "redis utilization");
  });

  test("the lag bound is the measured delivery p99", () => {
    close(result.revocationLag.seconds, 0.0025, "lag");
  });

  test("a hit ratio the reader gives wins over the derived one", () => {
    const given = modelMode("session", { ...base, sessionCache: "push", cacheHitRatio: 0.5 }, TEST_COSTS);
    close(given.traffic.cacheHitRatio, 0.5, "given");
    assert.equal(given.traffic.cacheHitRatioDerived, false);
  });

  test("one instance keeps its state in memory: no Redis at all", () => {
    const single = modelMode("session", { ...base, sessionCache: "push", instances: 1 }, TEST_COSTS);
    assert.equal(single.redisOpsPerSecond, 0);
    assert.equal(single.pubsub.deliveredPerSecond, 0);
  });
});

describe("SESSION_CACHE=cookie", () => {
  const result = modelMode("session", { ...base, sessionCache: "cookie" }, TEST_COSTS);

  test("the cookie lives in the client's jar: 0.1 req/s × 30 s = 3 → a 75 % hit ratio, whatever the instances", () => {
    close(result.traffic.cacheHitRatio, 0.75, "hit ratio");
    close(result.traffic.credentialMemoHitRatio, 1 - 0.25 * 0.95, "memo");
  });

  test("the lag is the cookie's max age; the check cookie travels with every request", () => {
    assert.equal(result.revocationLag.seconds, 30);
    const logins = 10 + 100_000 / WEEK;
    close(result.credentialBytesPerSecond, 10_000 * (300 + 1_000) + logins * 400 + 10_000 * 0.25 * 1_000, "bandwidth");
  });
});

describe("JWT mode", () => {
  test("no revocation check: no reads per request, and a copied token works until exp plus the skew", () => {
    const result = modelMode("jwt", { ...base, jwtRevocationCheck: "none" }, TEST_COSTS);
    const logins = 10 + 100_000 / FORTNIGHT;
    const refreshes = 100_000 / 900;
    close(result.dbReadsPerSecond, 2 * logins + refreshes, "reads");
    close(result.dbWritesPerSecond, 3 * logins + 2 * refreshes + 5 * 10, "writes");
    assert.equal(result.revocationLag.seconds, 915);
  });

});

// Figures computed by hand (a calculator, not this code) for `base`: 100,000 logins, 10 logouts a
// second, 900 s tokens; rows of 400 B (session), 300 B (family), 350 B (token), 200 B (denylist).
describe("stored rows, with the sweeper (every hour, an hour after the end) and without", () => {
  test("session: live rows plus the expired ones waiting up to 2 h; logouts delete their row at once", () => {
    // 100,000 live + 100,000 / 604,800 s expiring × 7,200 s = 100,000 + 1,190.48 rows
    const swept = modelMode("session", base, TEST_COSTS).stored;
    close(swept.liveBytes, 40_476_190.476_190_47, "stored, swept");
    assert.equal(swept.growthBytesPerDay, 0);
    assert.equal(swept.lingerSeconds, 7_200);
    const unswept = modelMode("session", { ...base, sweepIntervalSeconds: 0 }, TEST_COSTS).stored;
    close(unswept.liveBytes, 40_000_000, "stored, unswept");
    close(unswept.growthBytesPerDay, 5_714_285.714_285_715, "growth: 0.165 expired rows a second, for ever");
    assert.equal(unswept.lingerSeconds, null);
  });

  test("JWT: a family and every token it issued stay its whole 14 days, revoked or not", () => {
    // logins 10.0827/s; refreshes 111.1/s; a login's mean active life 100,000 / 10.0827 = 9,918 s.
    // families 10.0827 × (1,209,600 + 7,200) × 300 B; tokens 121.19/s × (1,209,600 − 4,959 + 7,200) × 350 B;
    // denylist 10 × (450 + 975 + 2 × 7,200) × 200 B.
    const swept = modelMode("jwt", base, TEST_COSTS).stored;
    close(swept.liveBytes, 55_115_886_789.970_17, "stored, swept");
    assert.deepEqual(
      swept.parts.map((part) => part.label),
      ["refresh families", "refresh tokens", "denylist entries"],
    );
    close(swept.parts[2]!.bytes, 31_650_000, "denylist");
    assert.equal(swept.growthBytesPerDay, 0);
    const unswept = modelMode("jwt", { ...base, sweepIntervalSeconds: 0 }, TEST_COSTS).stored;
    close(unswept.liveBytes, 54_759_899_885.208_27, "stored, unswept");
    // Everything created is kept: families, tokens and two denylist entries per logout.
    close(unswept.growthBytesPerDay, 4_271_842_857.142_858, "growth");
  });
});

describe("saturation", () => {
  test("a load that grows linearly fills the app's cores where hand arithmetic says", () => {
    // JWT without a check, cold-credential cost removed: 850 µs per request; fixed work from
    // logins, refreshes and logouts. Ten cores are full at (10 s − fixed) / 850 µs.
    const costs = structuredClone(TEST_COSTS);
    costs.modes.jwt.none.coldCredentialMicros = 0;
    const inputs = { ...base, jwtRevocationCheck: "none" as const };
    const fixed = (10 + 100_000 / FORTNIGHT) * 20_000 + (100_000 / 900) * 600 + 10 * 1_000;
    const expected = (10 * 1e6 - fixed) / 850;
    const found = saturationOf("jwt", inputs, costs, "app CPU");
    assert.ok(found.atRps !== null && Math.abs(found.atRps - expected) / expected < 1e-6, `${found.atRps} ≠ ${expected}`);
  });

  test("work that does not grow with the load may fill a component on its own", () => {
    const found = saturationOf("session", { ...base, revocationsPerMinute: 60 * 5_000 }, TEST_COSTS, "PostgreSQL primary");
    assert.equal(found.atRps, 0);
  });

  test("a component the load never fills within a billion requests per second says so", () => {
    assert.equal(saturationOf("jwt", { ...base, jwtRevocationCheck: "none", instances: 1 }, TEST_COSTS, "Redis").atRps, null);
  });
});

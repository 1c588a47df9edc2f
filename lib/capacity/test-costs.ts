import type { Costs, ModeCosts } from "./costs.ts";

/**
 * Round costs for the model's hand-computed tests (not a test file itself): every expected
 * figure in model.test.ts is worked out from these numbers on paper.
 */
const session: ModeCosts = {
  frameworkMicros: 800,
  warmCheckMicros: 100,
  coldCredentialMicros: 300,
  dbReadMicros: 500,
  checkCookieMicros: 20,
  loginMicros: 20_000,
  logoutMicros: 1_000,
  renewMicros: 600,
  db: { checkReads: 1, login: { reads: 1, writes: 2 }, logout: { reads: 0, writes: 1 }, renew: { reads: 0, writes: 1 } },
  redis: { loginCommands: 2, publishesPerRevocation: 1, publishesPerUserRevocation: 2 },
  bytes: { credential: 300, checkCookie: 1_000, setCookieLogin: 400, setCookieRenew: 0 },
};

const jwt: ModeCosts = {
  ...session,
  warmCheckMicros: 150,
  coldCredentialMicros: 200,
  db: { checkReads: 1, login: { reads: 2, writes: 3 }, logout: { reads: 0, writes: 5 }, renew: { reads: 1, writes: 2 } },
  redis: { loginCommands: 2, publishesPerRevocation: 2, publishesPerUserRevocation: 2 },
  bytes: { credential: 600, checkCookie: 1_000, setCookieLogin: 800, setCookieRenew: 800 },
};

export const TEST_COSTS: Costs = {
  modes: {
    session: { denylist: session, none: session },
    jwt: { denylist: jwt, none: { ...jwt, warmCheckMicros: 50, dbReadMicros: 0, db: { ...jwt.db, checkReads: 0 } } },
  },
  capacities: {
    postgresOpsPerSecond: { session: { check: 10_000, login: 1_000, logout: 2_000, renew: 2_000 }, jwt: { check: 20_000, login: 1_000, logout: 500, renew: 1_000 } },
    postgresReadCpuMicros: { session: 200, jwt: 100 },
    redisOpsPerSecond: { loginCommand: 50_000, publish: 100_000 },
    redisCpuMicros: { loginCommand: 20, publish: 10, perDelivery: 1 },
    rowBytes: { session: 400, refreshFamily: 300, refreshToken: 350, revokedToken: 200 },
  },
  sources: {},
  machine: { cores: 2, cpu: "test", postgres: "15", redis: "7", measuredAt: "2026-01-01T00:00:00.000Z", trial: false, profiled: { cores: 2, cpu: "test", at: "2026-01-01T00:00:00.000Z" } },
};

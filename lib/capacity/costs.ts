import type { AuthMode } from "../auth/modes.ts";
import type { BenchFiles, CapacityBench, MeasuredOperation, ProfileBench } from "./bench-files.ts";

/**
 * Per-request and per-operation costs, each taken from a committed bench result and named with
 * where it came from (`sources`), so /scale can show that nothing was typed in. Which bench
 * measures which cost: docs/SCALE.md, 'Where the numbers come from'.
 */

export interface ModeCosts {
  /** The framework's own cost of a request without auth. */
  frameworkMicros: number;
  /** What auth adds when its answer is remembered (cache, memos): credential parsing, the DAL. */
  warmCheckMicros: number;
  /** Unsealing (session) or verifying the signature (JWT) of a credential this process has not seen. */
  coldCredentialMicros: number;
  /** Node's CPU for one check's database read (PostgreSQL). */
  dbReadMicros: number;
  /** SESSION_CACHE=cookie: opening the signed check cookie instead. */
  checkCookieMicros: number;
  loginMicros: number;
  logoutMicros: number;
  /** JWT: one refresh; session: one lastSeenAt touch. */
  renewMicros: number;
  /** Statements per operation; a check's read happens only on a miss. */
  db: { checkReads: number; login: Rw; logout: Rw; renew: Rw };
  /** Redis round trips per login (throttle), messages published per revocation with push. */
  redis: { loginCommands: number; publishesPerRevocation: number; publishesPerUserRevocation: number };
  bytes: { credential: number; checkCookie: number; setCookieLogin: number; setCookieRenew: number };
}

export interface Rw {
  reads: number;
  writes: number;
}

export interface ComponentCapacities {
  /** Operations per second the PostgreSQL primary of the bench machine completed, each alone (pgbench). */
  postgresOpsPerSecond: Record<AuthMode, { check: number; login: number; logout: number; renew: number }>;
  /** PostgreSQL backend CPU per check's read (for the bench machine, where it shares the cores). */
  postgresReadCpuMicros: Record<AuthMode, number>;
  /** Redis commands per second (redis-benchmark), and its CPU per delivered pub/sub message. */
  redisOpsPerSecond: { loginCommand: number; publish: number };
  redisCpuMicros: { loginCommand: number; publish: number; perDelivery: number };
  /** Bytes on disk per row (indexes included): PostgreSQL. */
  rowBytes: { session: number; refreshFamily: number; refreshToken: number; revokedToken: number };
}

export interface Costs {
  modes: Record<AuthMode, Record<"denylist" | "none", ModeCosts>>;
  capacities: ComponentCapacities;
  /** Where each figure came from, for the reader. */
  sources: Record<string, string>;
  /** The machine the capacities were measured on, and whether that bench was a trial; and the profile's. */
  machine: { cores: number; cpu: string; postgres: string; redis: string; measuredAt: string; trial: boolean; profiled: { cores: number; cpu: string; at: string } };
}

class MissingCost extends Error {}

function column(profile: ProfileBench, key: string): number {
  const found = profile.columns.find((entry) => entry.key === key);
  if (!found) throw new MissingCost(`profile-*.json has no column "${key}"`);
  return Object.values(found.perRequest).reduce((sum, micros) => sum + micros, 0);
}

const rw = (operation: MeasuredOperation): Rw => ({ reads: operation.reads, writes: operation.writes });
const redisTrips = (operation: MeasuredOperation) => Object.values(operation.redisCommands).reduce((sum, calls) => sum + calls, 0);

type AppTargetKey = CapacityBench["app"][number]["key"];

/** The production server's main-thread CPU for one target and cache, over its own no-auth baseline (bench:capacity's server step). */
export function appRatio(capacity: CapacityBench, key: AppTargetKey, cache: "off" | "push" | "cookie"): number {
  const found = capacity.app.find((entry) => entry.key === key && entry.cache === cache);
  if (!found) throw new MissingCost(`capacity.json has no server figure for ${key} with SESSION_CACHE=${cache}`);
  return found.mainThreadRatio;
}

export function derivePerRequestCosts(files: BenchFiles): Costs {
  const { profile, capacity } = files;
  const ops = capacity.operations.postgresql;
  const baseline = column(profile, "baseline");
  const cookieOverBearer = column(profile, "jwt-cookie-none") - column(profile, "jwt-bearer-none");
  // The server step ran at another time than the profile, on a machine shared with others: its
  // figures are taken relative to the no-auth baseline measured beside them, on the profile's scale.
  const delta = (key: AppTargetKey, cache: "off" | "cookie") => Math.max(0, (appRatio(capacity, key, cache) - appRatio(capacity, key, "push")) * baseline);
  const sessionRead = delta("session-me", "off");
  const jwtRead = delta("jwt-me-bearer", "off");
  const { bytes } = ops.push;

  const session: ModeCosts = {
    frameworkMicros: baseline,
    warmCheckMicros: column(profile, "session-push") - baseline,
    coldCredentialMicros: Math.max(0, ops.off.session.checkCold.cpuMicros - ops.off.session.checkWarm.cpuMicros),
    dbReadMicros: sessionRead,
    checkCookieMicros: delta("session-me", "cookie"),
    loginMicros: ops.push.session.login.cpuMicros,
    logoutMicros: ops.push.session.logout.cpuMicros,
    renewMicros: Math.max(0, ops.push.session.touch.cpuMicros),
    db: { checkReads: ops.off.session.checkWarm.reads, login: rw(ops.push.session.login), logout: rw(ops.push.session.logout), renew: { reads: ops.push.session.touch.reads, writes: ops.push.session.touch.writes } },
    redis: { loginCommands: redisTrips(ops.push.session.login), publishesPerRevocation: ops.push.session.logout.publishes, publishesPerUserRevocation: ops.push.userDisable.publishes },
    bytes: { credential: bytes.sessionCookie, checkCookie: ops.push.checkCookie.session.bytes, setCookieLogin: bytes.setCookie.sessionLogin, setCookieRenew: 0 },
  };
  const jwtDenylist: ModeCosts = {
    frameworkMicros: baseline,
    warmCheckMicros: column(profile, "jwt-bearer-denylist-push") + cookieOverBearer - baseline,
    coldCredentialMicros: Math.max(0, ops.off.jwt.checkCold.cpuMicros - ops.off.jwt.checkWarm.cpuMicros),
    dbReadMicros: jwtRead,
    checkCookieMicros: delta("jwt-me-cookie", "cookie"),
    loginMicros: ops.push.jwt.login.cpuMicros,
    logoutMicros: ops.push.jwt.logout.cpuMicros,
    renewMicros: ops.push.jwt.refresh.cpuMicros,
    db: { checkReads: ops.off.jwt.checkWarm.reads, login: rw(ops.push.jwt.login), logout: rw(ops.push.jwt.logout), renew: rw(ops.push.jwt.refresh) },
    redis: { loginCommands: redisTrips(ops.push.jwt.login), publishesPerRevocation: ops.push.jwt.logout.publishes, publishesPerUserRevocation: ops.push.userDisable.publishes },
    bytes: { credential: bytes.jwtCookie, checkCookie: ops.push.checkCookie.jwt.bytes, setCookieLogin: bytes.setCookie.jwtLogin, setCookieRenew: bytes.setCookie.jwtRefresh },
  };
  // No revocation check: nothing to read, nothing to cache; logout still writes the denylist.
  const jwtNone: ModeCosts = { ...jwtDenylist, warmCheckMicros: column(profile, "jwt-cookie-none") - baseline, dbReadMicros: 0, db: { ...jwtDenylist.db, checkReads: 0 } };

  const pg = capacity.postgres.operations;
  const redis = capacity.redis;
  const capacities: ComponentCapacities = {
    postgresOpsPerSecond: {
      session: { check: pg["session.check"].tps, login: pg["session.login"].tps, logout: pg["session.logout"].tps, renew: pg["session.touch"].tps },
      jwt: { check: pg["jwt.check"].tps, login: pg["jwt.login"].tps, logout: pg["jwt.logout"].tps, renew: pg["jwt.refresh"].tps },
    },
    postgresReadCpuMicros: { session: pg["session.check"].backendCpuMicrosPerTx ?? 0, jwt: pg["jwt.check"].backendCpuMicrosPerTx ?? 0 },
    redisOpsPerSecond: { loginCommand: redis.commands["eval:login-window"].rps, publish: redis.commands.publish.rps },
    redisCpuMicros: {
      loginCommand: redis.commands["eval:login-window"].serverCpuMicrosPerOp ?? 0,
      publish: redis.commands.publish.serverCpuMicrosPerOp ?? 0,
      perDelivery: Math.max(0, redis.perDeliveryMicros ?? 0),
    },
    rowBytes: capacity.postgres.rowBytes,
  };
  return {
    modes: { session: { denylist: session, none: session }, jwt: { denylist: jwtDenylist, none: jwtNone } },
    capacities,
    sources: SOURCES,
    machine: {
      cores: capacity.machine.cores, cpu: capacity.machine.cpu, postgres: capacity.machine.postgres, redis: capacity.machine.redis, measuredAt: capacity.finishedAt, trial: capacity.trial,
      profiled: { cores: profile.machine.cores, cpu: profile.machine.cpu, at: profile.finishedAt },
    },
  };
}

const SOURCES: Record<string, string> = {
  frameworkMicros: "profile-sqlite.json: CPU per request, no auth (baseline)",
  warmCheckMicros: "profile-sqlite.json: session, push / JWT Bearer, denylist, push (+ cookie − Bearer) − baseline",
  coldCredentialMicros: "capacity.json: check of a new credential − of a returning one (PostgreSQL, cache off)",
  dbReadMicros: "capacity.json: the production server's main thread, cache off − push (PostgreSQL), × profile baseline ÷ its baseline",
  checkCookieMicros: "capacity.json: the production server's main thread, cookie − push, × profile baseline ÷ its baseline",
  loginMicros: "capacity.json: a login's steps (argon2 included)",
  logoutMicros: "capacity.json: logout",
  renewMicros: "capacity.json: JWT refresh / session lastSeenAt touch",
  db: "capacity.json: statements Prisma reported per operation",
  redis: "capacity.json: Redis commands (MONITOR) and PUBLISHes per operation",
  bytes: "capacity.json: cookie and header sizes of issued credentials",
  postgresOpsPerSecond: "capacity.json: pgbench running each operation's own statements",
  redisOpsPerSecond: "capacity.json: redis-benchmark running the app's commands",
  perDelivery: "capacity.json: redis-server CPU per PUBLISH against subscribers (slope)",
  rowBytes: "capacity.json: pg_total_relation_size per row after populating",
};

export { MissingCost };

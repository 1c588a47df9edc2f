import { AUTH_MODES, type AuthMode } from "../auth/modes.ts";
import { formatMs } from "../format/units.ts";
import { APP } from "./app-constants.ts";
import type { Costs, ModeCosts } from "./costs.ts";
import type { ReaderInputs } from "./inputs.ts";
import { storedOf, type Stored } from "./storage.ts";
import { trafficOf, type Traffic } from "./traffic.ts";

/**
 * The capacity model: the reader's deployment and the measured costs in, per mode what it
 * asks of each component out. Pure arithmetic over traffic.ts's rates — every figure is a rate
 * times a measured cost, so each can be checked by hand (model.test.ts does).
 */

export const COMPONENTS = ["app CPU", "PostgreSQL primary", "Redis"] as const;
export type Component = (typeof COMPONENTS)[number];

export interface ModeResult {
  mode: AuthMode;
  traffic: Traffic;
  dbReadsPerSecond: number;
  dbWritesPerSecond: number;
  /** Round trips the app makes (throttles, PUBLISH); 0 on one instance, whose state is in memory. */
  redisOpsPerSecond: number;
  pubsub: { publishedPerSecond: number; deliveredPerSecond: number };
  stored: Stored;
  credentialBytesPerSecond: number;
  /** Cores spent on authentication alone, and on whole requests (the framework's floor included). */
  authCores: number;
  appCores: number;
  revocationLag: { seconds: number; text: string };
  /** Share of each component's capacity used (1 = saturated). */
  utilization: Record<Component, number>;
}

/** µs of app CPU per authenticated request, auth only. */
function checkMicros(costs: ModeCosts, traffic: Traffic, inputs: ReaderInputs): number {
  return (
    costs.warmCheckMicros +
    (inputs.sessionCache === "cookie" ? costs.checkCookieMicros : 0) +
    (1 - traffic.credentialMemoHitRatio) * costs.coldCredentialMicros +
    (1 - traffic.cacheHitRatio) * costs.db.checkReads * costs.dbReadMicros
  );
}

function lagOf(mode: AuthMode, inputs: ReaderInputs, traffic: Traffic, pushP99Ms: number | null) {
  if (mode === "jwt" && inputs.jwtRevocationCheck === "none") {
    const seconds = inputs.accessTokenSeconds + APP.clockSkewSeconds;
    return { seconds, text: `until the access token's exp: up to ${seconds.toLocaleString("en-US")} s (no revocation check)` };
  }
  if (inputs.sessionCache === "cookie") return { seconds: traffic.cacheSeconds, text: `up to ${traffic.cacheSeconds} s for a copied cookie pair (the check cookie's max age)` };
  if (inputs.sessionCache === "push") {
    const seconds = (pushP99Ms ?? 0) / 1000;
    const measured = pushP99Ms === null ? "not measured yet" : `p99 ${formatMs(pushP99Ms)} on 2 instances`;
    return { seconds, text: `once the invalidation arrives (${measured}); ${APP.pushCacheMaxAgeSeconds} s if one is lost unnoticed` };
  }
  return { seconds: 0, text: "the next request: every check reads the database" };
}

export function modelMode(mode: AuthMode, inputs: ReaderInputs, costs: Costs, pushP99Ms: number | null = null): ModeResult {
  const modeCosts = costs.modes[mode][inputs.jwtRevocationCheck];
  const capacities = costs.capacities;
  const traffic = trafficOf(mode, inputs);
  const { db, redis, bytes } = modeCosts;
  const missReads = traffic.checks * (1 - traffic.cacheHitRatio) * db.checkReads;
  const dbReadsPerSecond = missReads + traffic.logins * db.login.reads + traffic.renewals * db.renew.reads + traffic.revocations * db.logout.reads;
  const dbWritesPerSecond = traffic.logins * db.login.writes + traffic.renewals * db.renew.writes + traffic.revocations * db.logout.writes;
  const fleet = inputs.instances > 1;
  const published = inputs.sessionCache === "push" && fleet ? traffic.revocations * redis.publishesPerRevocation : 0;
  const delivered = published * inputs.instances;
  const loginCommands = fleet ? traffic.logins * redis.loginCommands : 0;
  const authMicros =
    traffic.checks * checkMicros(modeCosts, traffic, inputs) + traffic.logins * modeCosts.loginMicros + traffic.renewals * modeCosts.renewMicros + traffic.revocations * modeCosts.logoutMicros;
  const authCores = authMicros / 1e6 / inputs.cpuFactor;
  const appCores = authCores + (traffic.checks * modeCosts.frameworkMicros) / 1e6 / inputs.cpuFactor;
  const pg = capacities.postgresOpsPerSecond[mode];
  const checkCookieBytes = inputs.sessionCache === "cookie" ? bytes.checkCookie : 0;
  return {
    mode,
    traffic,
    dbReadsPerSecond,
    dbWritesPerSecond,
    redisOpsPerSecond: loginCommands + published,
    pubsub: { publishedPerSecond: published, deliveredPerSecond: delivered },
    stored: storedOf(mode, inputs, traffic, capacities.rowBytes),
    credentialBytesPerSecond:
      traffic.checks * (bytes.credential + checkCookieBytes) + traffic.logins * bytes.setCookieLogin + traffic.renewals * bytes.setCookieRenew + traffic.checks * (1 - traffic.cacheHitRatio) * checkCookieBytes,
    authCores,
    appCores,
    revocationLag: lagOf(mode, inputs, traffic, pushP99Ms),
    utilization: {
      "app CPU": appCores / inputs.instances,
      "PostgreSQL primary":
        (missReads / pg.check + traffic.logins / pg.login + traffic.revocations / pg.logout + traffic.renewals / pg.renew) / inputs.dbFactor,
      Redis:
        (loginCommands / capacities.redisOpsPerSecond.loginCommand + published / capacities.redisOpsPerSecond.publish + (delivered * capacities.redisCpuMicros.perDelivery) / 1e6) / inputs.redisFactor,
    },
  };
}

export function modelBothModes(inputs: ReaderInputs, costs: Costs, pushP99Ms: number | null = null): Record<AuthMode, ModeResult> {
  return Object.fromEntries(AUTH_MODES.map((mode) => [mode, modelMode(mode, inputs, costs, pushP99Ms)])) as Record<AuthMode, ModeResult>;
}

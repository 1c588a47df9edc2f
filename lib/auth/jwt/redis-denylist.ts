import "server-only";

import { Redis } from "ioredis";
import type { Denylist } from "./denylist.ts";

/**
 * The denylist in Redis: one key per jti with a PXAT expiry equal to the token's exp, so
 * Redis forgets entries exactly when they stop mattering. Short timeouts and no offline
 * queue make an unreachable Redis an immediate error, which the revocation check turns into
 * its documented fail-open or fail-closed answer instead of a hung request.
 */
const clients = new Map<string, Redis>();

function client(url: string): Redis {
  let redis = clients.get(url);
  if (!redis) {
    redis = new Redis(url, { lazyConnect: false, enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, commandTimeout: 500 });
    // Errors surface on the commands; without a listener ioredis would log each reconnect attempt.
    redis.on("error", () => {});
    clients.set(url, redis);
  }
  return redis;
}

/** Drops every connection (tests, shutdown): a client retrying an unreachable Redis keeps the process alive. */
export function closeRedisDenylists(): void {
  for (const redis of clients.values()) redis.disconnect();
  clients.clear();
}

/** Waits for the first connection (or a reconnect) at most briefly; commands never queue. */
async function ready(url: string): Promise<Redis> {
  const redis = client(url);
  if (redis.status === "ready") return redis;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(new Error("Redis is not reachable")), 1000);
    const onReady = () => done();
    function done(error?: Error) {
      clearTimeout(timer);
      redis.off("ready", onReady);
      if (error) reject(error);
      else resolve();
    }
    redis.once("ready", onReady);
  });
  return redis;
}

export const DENYLIST_KEY_PREFIX = "svj:denylist:";

export function redisDenylist(url: string): Denylist {
  return {
    kind: "redis",
    async revoke(jti, expiresAt, now) {
      if (expiresAt <= now) return;
      await (await ready(url)).set(DENYLIST_KEY_PREFIX + jti, "1", "PXAT", expiresAt.getTime());
    },
    async isRevoked(jti) {
      return (await (await ready(url)).exists(DENYLIST_KEY_PREFIX + jti)) === 1;
    },
  };
}

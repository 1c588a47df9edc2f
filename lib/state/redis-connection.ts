import "server-only";

import { Redis, type RedisOptions } from "ioredis";

/**
 * Short timeouts and no offline queue (lib/state/redis.ts says why): a command to an unreachable
 * Redis fails at once instead of waiting in a queue behind the request that sent it.
 */
const OPTIONS: RedisOptions = { enableOfflineQueue: false, maxRetriesPerRequest: 0, connectTimeout: 1000, commandTimeout: 500 };

export function connect(url: string): Redis {
  const redis = new Redis(url, OPTIONS);
  // Errors surface on the commands; without a listener ioredis would log every reconnect attempt.
  redis.on("error", () => undefined);
  return redis;
}

/** Waits briefly for the first connection (or a reconnect); commands never queue. */
export async function ready(redis: Redis): Promise<Redis> {
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

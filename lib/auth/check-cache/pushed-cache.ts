import { randomUUID } from "node:crypto";
import { errorText, logEvent } from "../../log.ts";
import type { Messages, Subscription } from "../../state/types.ts";
import { createTaggedCache } from "./tagged-cache.ts";

/**
 * A tagged cache (tagged-cache.ts) wired to an invalidation channel (lib/state messages):
 * memory within one process, Redis pub/sub across a fleet. A write that changes a decision
 * calls invalidate(): evicted here before it returns, then published to every other instance.
 * The cache is trusted only while the subscription is healthy, so a fleet member that may have
 * missed a message reads the database instead (fail safe, never stale).
 */

export const INVALIDATION_CHANNEL = "auth:check-cache";

export interface PushedCacheOptions {
  messages: Messages;
  maxEntries: number;
  maxAgeMs: number;
  /** How long after a failed subscribe to try again (the cache is bypassed meanwhile). */
  retryAfterMs: number;
  clock?: () => number;
  /** Told of each message sent and each one received from another instance (the metrics). */
  observe?: InvalidationObserver;
  /**
   * Wall-clock milliseconds with a fraction, written into each message and read on receipt:
   * the publish-to-receipt lag. timeOrigin + now(): sub-millisecond where Date.now() is not.
   */
  wallClock?: () => number;
  /** Runs `retry` after `ms` (a failed publish's next try); an unref'd setTimeout by default. */
  schedule?: (retry: () => void, ms: number) => void;
}

/** A failed publish is tried again after 100 ms, doubling up to 5 s, until the max age. */
const FIRST_RETRY_MS = 100;
const LAST_RETRY_MS = 5_000;

const unrefTimeout = (retry: () => void, ms: number) => void setTimeout(retry, ms).unref();

export interface InvalidationObserver {
  published(ok: boolean): void;
  /** `lagMs`: receipt minus the publisher's `at`; null for a message without one. */
  received(lagMs: number | null): void;
}

export interface PushedCache {
  /** Serving allowed now: subscribed and healthy. Starts the subscription on first use. */
  usable(): boolean;
  get<V>(key: string): V | undefined;
  generation(): number;
  remember(key: string, value: unknown, tags: readonly string[], since: number): boolean;
  /** Evicts here at once (before the first await), then tells the other instances. */
  invalidate(tags: readonly string[]): Promise<void>;
  /** Resolves once the first subscribe attempt has settled (tests, warm-up). */
  ready(): Promise<void>;
  size(): number;
  close(): Promise<void>;
}

interface InvalidationMessage {
  from: string;
  tags: string[];
  /** When it was published (the publisher's wallClock). */
  at: number;
}

const preciseWallClock = () => performance.timeOrigin + performance.now();

export function createPushedCache(options: PushedCacheOptions): PushedCache {
  const { messages, maxEntries, maxAgeMs, retryAfterMs, clock = Date.now, observe, wallClock = preciseWallClock, schedule = unrefTimeout } = options;
  const cache = createTaggedCache<unknown>({ maxEntries, maxAgeMs, clock });
  // Our own messages come back through the channel: already evicted, so skipped.
  const sender = randomUUID();
  let subscription: Subscription | null = null;
  let connecting: Promise<void> | null = null;
  let retryAt = Number.NEGATIVE_INFINITY;
  let closed = false;

  function onMessage(text: string): void {
    let message: Partial<InvalidationMessage> | null = null;
    try {
      message = JSON.parse(text) as Partial<InvalidationMessage>;
    } catch {
      // Unreadable: handled below like any message we cannot act on precisely.
    }
    if (message?.from === sender) return;
    observe?.received(typeof message?.at === "number" ? wallClock() - message.at : null);
    // A message we cannot read precisely could have named anything: drop everything.
    if (!message || !Array.isArray(message.tags)) cache.setTrusted(cache.trusted());
    else cache.evict(message.tags.filter((tag): tag is string => typeof tag === "string"));
  }

  async function connect(): Promise<void> {
    try {
      const made = await messages.subscribe(INVALIDATION_CHANNEL, onMessage);
      if (closed) return void (await made.close());
      subscription = made;
      made.onHealthChange((healthy) => cache.setTrusted(healthy));
      cache.setTrusted(made.healthy());
    } catch (error) {
      logEvent("check_cache_subscribe_failed", { error: errorText(error) }, "error");
      retryAt = clock() + retryAfterMs;
    } finally {
      connecting = null;
    }
  }

  async function publishOnce(message: string, tagCount: number): Promise<boolean> {
    try {
      await messages.publish(INVALIDATION_CHANNEL, message);
      observe?.published(true);
      return true;
    } catch (error) {
      observe?.published(false);
      logEvent("check_cache_publish_failed", { tags: tagCount, error: errorText(error) }, "error");
      return false;
    }
  }

  /**
   * A lost message would let the other instances serve the revoked login until their entry's
   * max age; past that age nothing they hold predates the write, so retrying stops there. (A
   * crash between the write and the publish still loses it: docs/CONFIGURATION.md says so.)
   */
  function retryUntilMaxAge(message: string, tagCount: number, until: number, waitMs: number): void {
    if (closed || clock() + waitMs >= until) return;
    schedule(() => {
      if (closed) return;
      void publishOnce(message, tagCount).then((sent) => {
        if (sent) logEvent("check_cache_publish_retried", { tags: tagCount }, "info");
        else retryUntilMaxAge(message, tagCount, until, Math.min(waitMs * 2, LAST_RETRY_MS));
      });
    }, waitMs);
  }

  function usable(): boolean {
    if (closed) return false;
    if (!subscription) {
      if (!connecting && clock() >= retryAt) connecting = connect();
      return false;
    }
    // Polled as well as listened to: a change seen here first still flushes before serving.
    const healthy = subscription.healthy();
    if (healthy !== cache.trusted()) cache.setTrusted(healthy);
    return healthy;
  }

  return {
    usable,
    get: <V>(key: string) => (usable() ? (cache.get(key) as V | undefined) : undefined),
    generation: () => cache.generation(),
    remember: (key, value, tags, since) => usable() && cache.remember(key, value, tags, since),
    async invalidate(tags) {
      cache.evict(tags);
      const message = JSON.stringify({ from: sender, tags: [...tags], at: wallClock() } satisfies InvalidationMessage);
      if (await publishOnce(message, tags.length)) return;
      retryUntilMaxAge(message, tags.length, clock() + maxAgeMs, FIRST_RETRY_MS);
    },
    async ready() {
      usable();
      await connecting;
    },
    size: () => cache.size(),
    async close() {
      closed = true;
      cache.setTrusted(false);
      const closing = subscription;
      subscription = null;
      // Unsubscribing over a connection that is gone fails, and leaves nothing to release.
      await closing?.close().catch(() => undefined);
    },
  };
}

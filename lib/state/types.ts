/**
 * State that outlives a request and may change a decision (throttles, lab runs and results,
 * cache invalidation). One interface, two homes: memory for one process (the default), Redis
 * when REDIS_URL is set, so N instances behind a balancer share one count instead of N.
 *
 * Every operation is atomic on its own (Redis: one command or one Lua script). Errors are
 * thrown, never swallowed or turned into "allowed": the caller decides whether an unreadable
 * store means fail-closed (a throttle) or something else.
 * Keys are plain names ("login:device:…"); the implementation adds its prefix (`svj:`).
 */

export interface WindowEvent {
  /** Unique per event, so one event can be taken back (remove). */
  id: string;
  /** Epoch milliseconds. */
  at: number;
}

export interface WindowSummary {
  count: number;
  /** Epoch ms of the oldest event still inside the window, null when empty. */
  oldest: number | null;
  /** Epoch ms of the newest event, null when empty. */
  newest: number | null;
}

export interface SlidingWindows {
  /**
   * Drops events older than `windowMs` before `event.at`, adds `event`, and returns the
   * window's timestamps, oldest first, the new one included. Atomic: two parallel adds see
   * each other, so "add, then decide, then take back" cannot be raced.
   */
  add(key: string, event: WindowEvent, windowMs: number): Promise<number[]>;
  /** What is inside the window ending at `now`. */
  count(key: string, now: number, windowMs: number): Promise<WindowSummary>;
  /** Takes one event back (a refused or successful attempt that should not count). */
  remove(key: string, id: string): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface Counters {
  /** +1, returning the new value; the expiry is set by the increment that creates the key. */
  increment(key: string, ttlMs: number): Promise<number>;
  read(key: string): Promise<number>;
}

export interface Records {
  /** A small JSON value, or null when absent or expired. */
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * A lease: one holder at a time for a job the fleet must run once (the expiry sweeper). It
 * ends when its holder releases it or when its time runs out, so a holder that crashed
 * blocks nobody for longer than the lease it took.
 */
export interface Leases {
  /** True if `holder` now holds `key` for `ttlMs` (it was free or had run out); false if another holds it. */
  acquire(key: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Ends the lease if `holder` still holds it; a lease that ran out and was taken by another is left alone. */
  release(key: string, holder: string): Promise<void>;
}

export interface Subscription {
  /**
   * True while messages published anywhere reach this subscriber. A consumer that keeps a
   * cache MUST stop trusting it while this is false, and flush it when it turns true again:
   * messages published in between are lost, not replayed.
   */
  healthy(): boolean;
  /** Called on every change of healthy(); returns an unsubscribe function. */
  onHealthChange(listener: (healthy: boolean) => void): () => void;
  close(): Promise<void>;
}

export interface Messages {
  publish(channel: string, message: string): Promise<void>;
  /** Resolves once the subscription is live (healthy), rejects if it cannot be made. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<Subscription>;
}

export interface SharedState {
  kind: "memory" | "redis";
  windows: SlidingWindows;
  counters: Counters;
  records: Records;
  leases: Leases;
  messages: Messages;
  /** Releases connections (tests, shutdown). */
  close(): Promise<void>;
}

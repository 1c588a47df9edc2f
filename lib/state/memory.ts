import { EventEmitter } from "node:events";
import type { SharedState, Subscription, WindowSummary } from "./types.ts";

/**
 * The single-process home: plain maps, atomic because JavaScript runs one callback at a time
 * and no operation awaits halfway. Bounded (least recently written keys go first), so a flood
 * of distinct keys (e-mail addresses, device ids) cannot grow memory without limit.
 */

const MAX_KEYS = 10_000;

function bounded<V>(map: Map<string, V>, key: string, value: V): void {
  map.delete(key); // re-insert: Map order doubles as least-recently-written first
  map.set(key, value);
  while (map.size > MAX_KEYS) map.delete(map.keys().next().value!);
}

interface Expiring<V> {
  value: V;
  until: number;
}

export function createMemoryState(clock: () => number = Date.now): SharedState {
  const windows = new Map<string, { id: string; at: number }[]>();
  const counters = new Map<string, Expiring<number>>();
  const records = new Map<string, Expiring<string>>();
  const leases = new Map<string, Expiring<string>>();
  const bus = new EventEmitter();
  bus.setMaxListeners(0);

  const live = <V>(map: Map<string, Expiring<V>>, key: string): V | undefined => {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (entry.until <= clock()) {
      map.delete(key);
      return undefined;
    }
    return entry.value;
  };

  const summary = (ats: number[]): WindowSummary => ({ count: ats.length, oldest: ats[0] ?? null, newest: ats.at(-1) ?? null });

  return {
    kind: "memory",
    windows: {
      async add(key, event, windowMs) {
        const kept = (windows.get(key) ?? []).filter((e) => e.at > event.at - windowMs && e.id !== event.id);
        kept.push(event);
        kept.sort((a, b) => a.at - b.at);
        bounded(windows, key, kept);
        return kept.map((e) => e.at);
      },
      async count(key, now, windowMs) {
        return summary((windows.get(key) ?? []).filter((e) => e.at > now - windowMs).map((e) => e.at));
      },
      async remove(key, id) {
        const events = windows.get(key);
        if (events) windows.set(key, events.filter((e) => e.id !== id));
      },
      async clear(key) {
        windows.delete(key);
      },
    },
    counters: {
      async increment(key, ttlMs) {
        const current = live(counters, key);
        const next = (current ?? 0) + 1;
        bounded(counters, key, { value: next, until: current === undefined ? clock() + ttlMs : counters.get(key)!.until });
        return next;
      },
      async read(key) {
        return live(counters, key) ?? 0;
      },
    },
    records: {
      async get(key) {
        const text = live(records, key);
        // Stored as JSON text, like Redis: a caller never shares an object with the store.
        return text === undefined ? null : JSON.parse(text);
      },
      async set(key, value, ttlMs) {
        bounded(records, key, { value: JSON.stringify(value), until: clock() + ttlMs });
      },
      async delete(key) {
        records.delete(key);
      },
    },
    leases: {
      async acquire(key, holder, ttlMs) {
        if (live(leases, key) !== undefined) return false;
        bounded(leases, key, { value: holder, until: clock() + ttlMs });
        return true;
      },
      async release(key, holder) {
        if (live(leases, key) === holder) leases.delete(key);
      },
    },
    messages: {
      async publish(channel, message) {
        bus.emit(channel, message);
      },
      async subscribe(channel, onMessage) {
        const handler = (message: string) => onMessage(message);
        bus.on(channel, handler);
        let open = true;
        const subscription: Subscription = {
          // One process: a publish reaches every subscriber synchronously, for as long as it is open.
          healthy: () => open,
          onHealthChange: () => () => undefined,
          async close() {
            open = false;
            bus.off(channel, handler);
          },
        };
        return subscription;
      },
    },
    async close() {
      bus.removeAllListeners();
    },
  };
}

/**
 * The rules that make a cache of authoritative answers safe to serve, as one small pure
 * structure (no I/O, an injected clock), so each rule has its own unit test:
 *
 * - Eviction by tag: an entry is stored under the facts it depends on ("session:<id>",
 *   "user:<id>", "revoked:<jti>"), and a write that changes one of those facts evicts by it.
 * - Generation: every eviction and every flush moves a counter. A reader takes it before it
 *   reads the database and hands it back with what it read; if anything was evicted in between,
 *   the answer may predate that write and is not stored (the lost-invalidation race).
 * - Trust: nothing is served or stored while the invalidation channel is not known to deliver
 *   (untrusted); turning trusted again starts empty, since messages sent meanwhile were lost.
 * - Bounds: at most `maxEntries` (least recently used go first) and no entry older than
 *   `maxAgeMs`, whatever happens to the channel — belt and braces, and bounded memory.
 */

export interface TaggedCacheOptions {
  maxEntries: number;
  maxAgeMs: number;
  clock?: () => number;
}

interface Entry<V> {
  value: V;
  tags: readonly string[];
  storedAt: number;
}

export interface TaggedCache<V> {
  /** Take it before reading the source; pass it to remember(). */
  generation(): number;
  trusted(): boolean;
  /** Untrusted → trusted or back: either way everything cached so far is dropped. */
  setTrusted(trusted: boolean): void;
  get(key: string): V | undefined;
  /** Stores unless untrusted or anything was evicted since `since`; says whether it did. */
  remember(key: string, value: V, tags: readonly string[], since: number): boolean;
  evict(tags: readonly string[]): void;
  size(): number;
}

export function createTaggedCache<V>({ maxEntries, maxAgeMs, clock = Date.now }: TaggedCacheOptions): TaggedCache<V> {
  const entries = new Map<string, Entry<V>>();
  const byTag = new Map<string, Set<string>>();
  let generation = 0;
  let trusted = false;

  function drop(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    for (const tag of entry.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  }

  function flush(): void {
    generation += 1;
    entries.clear();
    byTag.clear();
  }

  return {
    generation: () => generation,
    trusted: () => trusted,
    setTrusted(next) {
      flush();
      trusted = next;
    },
    get(key) {
      if (!trusted) return undefined;
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (clock() - entry.storedAt >= maxAgeMs) {
        drop(key);
        return undefined;
      }
      // Re-inserted: Map order doubles as least recently used first.
      entries.delete(key);
      entries.set(key, entry);
      return entry.value;
    },
    remember(key, value, tags, since) {
      if (!trusted || since !== generation) return false;
      drop(key);
      entries.set(key, { value, tags, storedAt: clock() });
      for (const tag of tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
      while (entries.size > maxEntries) drop(entries.keys().next().value!);
      return true;
    },
    evict(tags) {
      generation += 1;
      for (const tag of tags) {
        for (const key of [...(byTag.get(tag) ?? [])]) drop(key);
      }
    },
    size: () => entries.size,
  };
}

/**
 * One process's check cache in the simulation: entries by credential, each with the time it
 * was stored, at most `capacity` of them, the least recently used out first — as the app's
 * tagged cache (lib/auth/check-cache/tagged-cache.ts) keeps them. A linked list beside a Map,
 * so every operation is O(1) however many entries come and go.
 */

interface Node {
  key: number;
  storedAt: number;
  newer: Node | null;
  older: Node | null;
}

export class LruCache {
  private readonly nodes = new Map<number, Node>();
  private newest: Node | null = null;
  private oldest: Node | null = null;

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.nodes.size;
  }

  /** When the entry was stored, and it becomes the most recently used; undefined if absent. */
  use(key: number): number | undefined {
    const node = this.nodes.get(key);
    if (!node) return undefined;
    this.unlink(node);
    this.link(node);
    return node.storedAt;
  }

  store(key: number, storedAt: number): void {
    this.delete(key);
    const node: Node = { key, storedAt, newer: null, older: null };
    this.nodes.set(key, node);
    this.link(node);
    if (this.nodes.size > this.capacity && this.oldest) this.delete(this.oldest.key);
  }

  delete(key: number): void {
    const node = this.nodes.get(key);
    if (!node) return;
    this.nodes.delete(key);
    this.unlink(node);
  }

  clear(): void {
    this.nodes.clear();
    this.newest = this.oldest = null;
  }

  private link(node: Node): void {
    node.older = this.newest;
    node.newer = null;
    if (this.newest) this.newest.newer = node;
    this.newest = node;
    this.oldest ??= node;
  }

  private unlink(node: Node): void {
    if (node.newer) node.newer.older = node.older;
    else this.newest = node.older;
    if (node.older) node.older.newer = node.newer;
    else this.oldest = node.newer;
    node.newer = node.older = null;
  }
}

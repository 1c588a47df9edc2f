/**
 * The auth checks' counts by mode, outcome and cache state, in plain numbers. Recording one is a
 * Map lookup and three additions — all the hot path pays; the Prometheus exporter reads the rows
 * when it is scraped (prom-client's own counters hash their labels on every increment, several
 * times the cost, on every authenticated request).
 */

export type CacheState = "hit" | "miss";

export interface TallyRow {
  mode: string;
  outcome: string;
  cache: CacheState;
  checks: number;
  queries: number;
  redisOperations: number;
}

export interface CheckTally {
  add(mode: string, outcome: string, cache: CacheState, queries: number, redisOperations: number): void;
  rows(): Iterable<TallyRow>;
}

export function createCheckTally(): CheckTally {
  const rows = new Map<string, TallyRow>();
  return {
    add(mode, outcome, cache, queries, redisOperations) {
      const key = `${mode}\u0000${outcome}\u0000${cache}`;
      let row = rows.get(key);
      if (!row) {
        row = { mode, outcome, cache, checks: 0, queries: 0, redisOperations: 0 };
        rows.set(key, row);
      }
      row.checks += 1;
      row.queries += queries;
      row.redisOperations += redisOperations;
    },
    rows: () => rows.values(),
  };
}

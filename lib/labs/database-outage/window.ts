/**
 * A database outage, kept on a short leash: one at a time, never longer than `maxMs`, always
 * undone (timer and finally), and not again until `cooldownMs` after the last one. The outage
 * only ever reaches the lab's own requests (lib/labs/database-outage/scope.ts), so the leash bounds the
 * cost of a run, not harm to others. The break itself is injected (openLabOutage in the app,
 * a fake in the tests); its handle is what the work needs to reach the broken database.
 */

export type BreakDatabase<H> = () => { handle: H; restore: () => Promise<void> };

export interface OutageLimits {
  maxMs: number;
  cooldownMs: number;
}

export interface OutageWindow<T> {
  result: T;
  /** How long the database was really unreachable. */
  outageMs: number;
  /** The timer restored the database before the work finished: later answers saw it up again. */
  cutShort: boolean;
}

/** A lab's exclusive() saying "not now": this outage gate, or the sticky-sessions lab's claim. */
export type Refused = { refused: true; code: "outage_cooling_down" | "sticky_lab_busy"; retryAfterSeconds: number };

export interface OutageGate<H> {
  /** Serialises whole lab runs, and refuses one that would start within the cooldown. */
  exclusive<T>(run: () => Promise<T>): Promise<T | Refused>;
  /** Breaks the database, runs `work`, restores it: after `maxMs` at the latest, and always. */
  outage<T>(work: (handle: H) => Promise<T>): Promise<OutageWindow<T>>;
}

function serialised() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const turn = tail.then(work);
    tail = turn.catch(() => undefined);
    return turn;
  };
}

export function createOutageGate<H>(breakDatabase: BreakDatabase<H>, limits: OutageLimits, clock: () => number = Date.now): OutageGate<H> {
  const runs = serialised();
  const outages = serialised();
  let lastEndedAt = Number.NEGATIVE_INFINITY;

  return {
    exclusive<T>(run: () => Promise<T>): Promise<T | Refused> {
      return runs(async () => {
        const wait = lastEndedAt + limits.cooldownMs - clock();
        if (wait > 0) return { refused: true as const, code: "outage_cooling_down" as const, retryAfterSeconds: Math.ceil(wait / 1000) };
        return run();
      });
    },

    outage<T>(work: (handle: H) => Promise<T>): Promise<OutageWindow<T>> {
      return outages(async () => {
        const { handle, restore: undo } = breakDatabase();
        const startedAt = clock();
        let endedAt: number | null = null;
        const restore = async () => {
          if (endedAt !== null) return;
          endedAt = clock();
          lastEndedAt = endedAt;
          await undo();
        };
        let cutShort = false;
        const timer = setTimeout(() => {
          cutShort = true;
          void restore();
        }, limits.maxMs);
        try {
          const result = await work(handle);
          return { result, outageMs: (endedAt ?? clock()) - startedAt, cutShort };
        } finally {
          clearTimeout(timer);
          await restore();
        }
      });
    },
  };
}

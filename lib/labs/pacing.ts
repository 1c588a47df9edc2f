/**
 * Every lab run costs several argon2 hashes and a dozen requests, and anyone may start one:
 * runs take turns, and at most RUNS_PER_MINUTE start in any minute, across all labs.
 */
const RUNS_PER_MINUTE = 30;

const globalForPacing = globalThis as typeof globalThis & { __svjLabPacing?: { starts: number[]; queue: Promise<unknown> } };

function state() {
  globalForPacing.__svjLabPacing ??= { starts: [], queue: Promise.resolve() };
  return globalForPacing.__svjLabPacing;
}

export type Paced<T> = { ran: true; value: T } | { ran: false; retryAfterSeconds: number };

export async function paceLabRun<T>(run: () => Promise<T>, now = Date.now()): Promise<Paced<T>> {
  const pacing = state();
  pacing.starts = pacing.starts.filter((at) => at > now - 60_000);
  if (pacing.starts.length >= RUNS_PER_MINUTE) {
    return { ran: false, retryAfterSeconds: Math.max(1, Math.ceil((pacing.starts[0]! + 60_000 - now) / 1000)) };
  }
  pacing.starts.push(now);
  const turn = pacing.queue.then(run, run);
  pacing.queue = turn.catch(() => undefined);
  return { ran: true, value: await turn };
}

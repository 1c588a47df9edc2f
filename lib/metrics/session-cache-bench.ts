import { z } from "zod";

/**
 * What `npm run bench:http` measured for each SESSION_CACHE (docs/bench/http-*.json, committed
 * with the code): session `/me`'s throughput against the same route without auth, and whether
 * each revocation was refused on the next request (with a fleet: how long the other instance
 * took). Pure: the page reads the files, this reads their contents. Anything that does not
 * look like a bench result is left out, never guessed at.
 */

/** The default (lib/env.ts) first, then the alternatives: the order every table shows them in. */
export const SESSION_CACHES = ["push", "off", "cookie"] as const;
export type SessionCache = (typeof SESSION_CACHES)[number];

const summary = z.object({ rps: z.number().positive() }).nullable();
const revocationEntry = z.object({
  label: z.string(),
  refusedOnNextRequest: z.boolean().nullable(),
  note: z.string().optional(),
  lagMs: z.number().nullable().optional(),
  lag: z.object({ p99Ms: z.number().nullable(), samples: z.number(), neverRefused: z.number() }).nullable().optional(),
});
type RevocationEntry = z.infer<typeof revocationEntry>;

/** The part of a bench:http result every reader of it needs (lib/metrics/default-first-bench.ts too). */
export const benchResult = z.object({
  kind: z.literal("bench:http"),
  finishedAt: z.string(),
  machine: z.object({ cores: z.number(), cpu: z.string(), database: z.string(), fleet: z.object({ instances: z.number() }).nullable() }),
  settings: z.object({ short: z.boolean().optional() }).optional(),
  servers: z.array(z.object({ key: z.string(), cache: z.string().optional() })),
  targets: z.array(z.object({ key: z.string(), server: z.string(), auth: z.string(), path: z.string(), baseline: z.string().nullable().optional(), summary: summary.optional() })),
  revocation: z.array(revocationEntry),
});

export interface RevocationOutcome {
  event: string;
  refusedOnNextRequest: boolean;
  /** Why it was not refused, as the bench put it. */
  note: string | null;
  /** Only with a fleet: p99 of the time until the other instance refused too, over the samples it did. */
  otherInstanceP99Ms: number | null;
  /** Only with a fleet: samples the other instance never refused while polled. */
  otherInstanceNeverRefused: number;
}

export interface CacheFigures {
  cache: SessionCache;
  /** session /me req/s ÷ the baseline route's, same run. */
  ratio: number | null;
  revocations: RevocationOutcome[];
}

export interface CacheBench {
  where: string;
  finishedAt: string;
  trial: boolean;
  caches: CacheFigures[];
}

const SESSION_LABEL = /^session \(SESSION_CACHE=(\w+)\): (.+)$/;

export function sessionCacheBench(json: unknown): CacheBench | null {
  const parsed = benchResult.safeParse(json);
  if (!parsed.success) return null;
  const { machine, servers, targets, revocation, finishedAt, settings } = parsed.data;
  const cacheOf = new Map(servers.map((server) => [server.key, server.cache]));
  const byKey = new Map(targets.map((target) => [target.key, target]));
  const caches: CacheFigures[] = [];
  for (const cache of SESSION_CACHES) {
    const target = targets.find((t) => t.auth === "session-cookie" && t.path === "/api/session/me" && cacheOf.get(t.server) === cache);
    if (!target) continue;
    const base = target.baseline ? byKey.get(target.baseline) : undefined;
    const ratio = target.summary && base?.summary ? target.summary.rps / base.summary.rps : null;
    const revocations = revocation.flatMap((entry) => {
      const match = SESSION_LABEL.exec(entry.label);
      if (!match || match[1] !== cache) return [];
      const outcome = revocationOutcome(entry, match[2]!);
      return outcome ? [outcome] : [];
    });
    caches.push({ cache, ratio, revocations });
  }
  if (caches.length === 0) return null;
  return { where: describeWhere(machine), finishedAt, trial: settings?.short === true, caches };
}

/** "SQLite, 2 cores (AMD EPYC)", "PostgreSQL, fleet of 2, 2 cores (…)": the machine a figure was measured on. */
export function describeWhere(machine: { database: string; fleet: { instances: number } | null; cores: number; cpu: string }): string {
  const fleet = machine.fleet ? `, fleet of ${machine.fleet.instances}` : "";
  return `${machine.database}${fleet}, ${machine.cores} cores (${machine.cpu})`;
}

/** One recorded revocation event; null when the bench had nothing to end (JWT keeps no device list). */
export function revocationOutcome(entry: RevocationEntry, event: string): RevocationOutcome | null {
  if (entry.refusedOnNextRequest === null) return null;
  return {
    event,
    refusedOnNextRequest: entry.refusedOnNextRequest,
    note: entry.note ?? null,
    otherInstanceP99Ms: entry.lag?.p99Ms ?? null,
    otherInstanceNeverRefused: entry.lag?.neverRefused ?? 0,
  };
}

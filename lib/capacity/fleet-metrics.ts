import type { ReaderInputs } from "./inputs.ts";

/**
 * The capacity model's inputs read from a running fleet: two scrapes of every instance's
 * Prometheus metrics (GET /api/metrics/prometheus, names as docs/FLEET.md publishes them), a
 * steady window apart, turned into what the model takes. What the metrics cannot know (how
 * many users, their sessions, the token lifetime) stays the reader's to give. Pure.
 *
 * The text format is parsed here rather than with a package: the subset read (counter,
 * gauge and histogram samples, no timestamps) is a few lines, and the one npm parser is
 * untyped and unmaintained.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([A-Za-z_:][A-Za-z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/;
const LABEL = /([A-Za-z_][A-Za-z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = LINE.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(LABEL)) labels[key!] = value!.replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
    const value = match[3] === "+Inf" ? Infinity : match[3] === "-Inf" ? -Infinity : Number(match[3]);
    if (!Number.isNaN(value)) samples.push({ name: match[1]!, labels, value });
  }
  return samples;
}

export interface Scrape {
  text: string;
  /** Epoch ms the scrape was taken. */
  at: number;
}

const sum = (samples: Sample[], name: string, where: (labels: Record<string, string>) => boolean = () => true) =>
  samples.filter((sample) => sample.name === name && where(sample.labels)).reduce((total, sample) => total + sample.value, 0);

/** histogram_quantile over bucket increments: linear within the bucket, as Prometheus does. */
export function histogramQuantile(q: number, buckets: { le: number; count: number }[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.at(-1)?.count ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let [lowerBound, lowerCount] = [0, 0];
  for (const bucket of sorted) {
    if (bucket.count >= rank) {
      if (!Number.isFinite(bucket.le)) return lowerBound;
      const inBucket = bucket.count - lowerCount;
      return inBucket > 0 ? lowerBound + ((bucket.le - lowerBound) * (rank - lowerCount)) / inBucket : bucket.le;
    }
    [lowerBound, lowerCount] = [bucket.le, bucket.count];
  }
  return lowerBound;
}

export interface FleetReading {
  inputs: Partial<ReaderInputs>;
  /** What was read, for the reader to see beside the inputs. */
  measured: { instances: number; seconds: number; checksPerSecond: number; hitRatio: number | null; revocationsPerMinute: number; lagP99Ms: number | null; dbQueriesPerCheck: number | null };
  /** Inputs the metrics cannot give. */
  notFromMetrics: (keyof ReaderInputs)[];
}

/** `before` and `after`: one scrape per instance each, in the same order. */
export function readFleetInputs(before: Scrape[], after: Scrape[]): FleetReading {
  if (before.length === 0 || before.length !== after.length) throw new Error("one scrape per instance before and after, in the same order");
  const seconds = (after[0]!.at - before[0]!.at) / 1000;
  if (!(seconds > 0)) throw new Error("the second scrape must come after the first");
  const delta = (name: string, where?: (labels: Record<string, string>) => boolean) =>
    after.reduce((total, scrape, index) => total + sum(parsePrometheusText(scrape.text), name, where) - sum(parsePrometheusText(before[index]!.text), name, where), 0);
  const checks = delta("svj_auth_checks_total");
  const hits = delta("svj_auth_checks_total", (labels) => labels.cache === "hit");
  const info = parsePrometheusText(after[0]!.text).find((sample) => sample.name === "svj_instance_info")?.labels ?? {};
  const bounds = [...new Set(parsePrometheusText(after[0]!.text).filter((sample) => sample.name === "svj_invalidation_lag_seconds_bucket").map((sample) => sample.labels.le!))];
  const lagSeconds = histogramQuantile(0.99, bounds.map((le) => ({ le: le === "+Inf" ? Infinity : Number(le), count: delta("svj_invalidation_lag_seconds_bucket", (labels) => labels.le === le) })));
  const inputs: Partial<ReaderInputs> = {
    peakRps: checks / seconds,
    instances: after.length,
    revocationsPerMinute: (delta("svj_revocations_total") / seconds) * 60,
    ...(checks > 0 ? { cacheHitRatio: hits / checks } : {}),
    ...(info.session_cache === "off" || info.session_cache === "push" || info.session_cache === "cookie" ? { sessionCache: info.session_cache } : {}),
    ...(info.jwt_revocation_check === "none" || info.jwt_revocation_check === "denylist" ? { jwtRevocationCheck: info.jwt_revocation_check } : {}),
  };
  return {
    inputs,
    measured: {
      instances: after.length,
      seconds,
      checksPerSecond: checks / seconds,
      hitRatio: checks > 0 ? hits / checks : null,
      revocationsPerMinute: inputs.revocationsPerMinute!,
      lagP99Ms: lagSeconds === null ? null : lagSeconds * 1000,
      dbQueriesPerCheck: checks > 0 ? delta("svj_auth_check_db_queries_total") / checks : null,
    },
    notFromMetrics: ["activeUsers", "sessionsPerUser", "accessTokenSeconds", "cacheSeconds", "dbFactor", "redisFactor", "cpuFactor"],
  };
}

import { z } from "zod";
import { formatMs } from "../format/units.ts";
import { benchResult, describeWhere, revocationOutcome, type RevocationOutcome } from "./session-cache-bench.ts";

/**
 * One committed `npm run bench:http` result as the rows /compare shows: the configuration a user
 * gets without setting anything first, then every alternative the run measured, each with its
 * /me throughputs, their ratio to the run's reference route and what a revocation did. Pure:
 * which configuration is the default is the caller's answer (lib/env.ts's rule), passed in.
 */

export interface BenchConfiguration {
  cache: string;
  check: string;
  alg: string;
}

export interface Throughput {
  rps: number;
  /** rps ÷ the reference route's rps, same run; null when the reference has no figure. */
  ratio: number | null;
}

export interface RevocationSummary {
  refused: boolean;
  /** "refused on the next request", "still accepted after logout, password change". */
  text: string;
  /** The fleet's other instance, or the bench's reason for an acceptance; null: nothing to add. */
  detail: string | null;
}

export interface ConfigurationRow extends BenchConfiguration {
  key: string;
  isDefault: boolean;
  /** What this row sets differently from the default ("SESSION_CACHE=off"); empty for the default. */
  differs: string[];
  session: Throughput | null;
  jwtCookie: Throughput | null;
  jwtBearer: Throughput | null;
  revocation: { session: RevocationSummary | null; jwt: RevocationSummary | null };
}

export interface Reference {
  /** floor: a bare Next.js route handler; baseline: our uncredentialed route (runs before the floor existed). */
  kind: "floor" | "baseline";
  path: string;
  rps: number;
}

export interface DefaultFirstBench {
  database: string;
  fleetInstances: number | null;
  where: string;
  finishedAt: string;
  trial: boolean;
  reference: Reference | null;
  rows: ConfigurationRow[];
}

export interface MachineKind {
  database: string;
  fleet: boolean;
}

const httpResult = benchResult.extend({
  servers: z.array(z.object({ key: z.string(), cache: z.string(), check: z.string(), alg: z.string(), error: z.string().nullable().optional() })),
});
type Target = z.infer<typeof httpResult>["targets"][number];

const REFERENCES = [
  { kind: "floor", path: "/api/bench/floor" },
  { kind: "baseline", path: "/api/bench/baseline" },
] as const;

const SESSION_LABEL = /^session \(SESSION_CACHE=(\w+)\): (.+)$/;
const JWT_LABEL = /^JWT \((\w+), (\w+)(?: asked, \w+ signed)?, SESSION_CACHE=(\w+)\): (.+)$/;

export function defaultFirstBench(json: unknown, defaultFor: (kind: MachineKind) => BenchConfiguration): DefaultFirstBench | null {
  const parsed = httpResult.safeParse(json);
  if (!parsed.success) return null;
  const { machine, servers, targets, revocation, finishedAt, settings } = parsed.data;
  const reference = chooseReference(targets);
  const defaults = defaultFor({ database: machine.database, fleet: machine.fleet !== null });
  const throughput = (server: string, path: string, auth: string): Throughput | null => {
    const rps = targets.find((t) => t.server === server && t.path === path && t.auth === auth)?.summary?.rps;
    return rps === undefined ? null : { rps, ratio: reference ? rps / reference.rps : null };
  };
  const rows = servers
    .filter((server) => !server.error)
    .map((server): ConfigurationRow => {
      const session = throughput(server.key, "/api/session/me", "session-cookie");
      const outcomes = (pattern: RegExp, matches: (m: RegExpExecArray) => boolean) =>
        revocation.flatMap((entry) => {
          const match = pattern.exec(entry.label);
          const outcome = match && matches(match) ? revocationOutcome(entry, match.at(-1)!) : null;
          return outcome ? [outcome] : [];
        });
      return {
        key: server.key,
        cache: server.cache,
        check: server.check,
        alg: server.alg,
        isDefault: false,
        differs: differences(server, defaults),
        session,
        jwtCookie: throughput(server.key, "/api/jwt/me", "jwt-cookie"),
        jwtBearer: throughput(server.key, "/api/jwt/me", "jwt-bearer"),
        revocation: {
          // Session mode reads no JWT setting: its outcome belongs to the row that measured it.
          session: session ? revocationSummary(outcomes(SESSION_LABEL, (m) => m[1] === server.cache)) : null,
          jwt: revocationSummary(outcomes(JWT_LABEL, (m) => m[1] === server.check && m[2] === server.alg && m[3] === server.cache)),
        },
      };
    });
  if (rows.length === 0) return null;
  return {
    database: machine.database,
    fleetInstances: machine.fleet?.instances ?? null,
    where: describeWhere(machine),
    finishedAt,
    trial: settings?.short === true,
    reference,
    rows: orderDefaultFirst(rows),
  };
}

/** The framework's floor when the run measured it, else our uncredentialed route; null if neither. */
export function chooseReference(targets: Pick<Target, "path" | "summary">[]): Reference | null {
  for (const { kind, path } of REFERENCES) {
    const rps = targets.find((target) => target.path === path)?.summary?.rps;
    if (rps !== undefined) return { kind, path, rps };
  }
  return null;
}

/** The one row that runs the default configuration first, marked; the others in the run's order. */
export function orderDefaultFirst(rows: ConfigurationRow[]): ConfigurationRow[] {
  const index = rows.findIndex((row) => row.differs.length === 0);
  if (index === -1) return rows;
  return [{ ...rows[index]!, isDefault: true }, ...rows.filter((_, other) => other !== index)];
}

export function differences(server: BenchConfiguration, defaults: BenchConfiguration): string[] {
  const settings = [
    ["SESSION_CACHE", server.cache, defaults.cache],
    ["JWT_REVOCATION_CHECK", server.check, defaults.check],
    ["JWT_ALG", server.alg, defaults.alg],
  ] as const;
  return settings.filter(([, value, fallback]) => value !== fallback).map(([name, value]) => `${name}=${value}`);
}

/**
 * What the recorded events say, in one phrase: refused on the very next request (with a fleet,
 * how long the other instance took), or which events left the credential working and why.
 */
export function revocationSummary(outcomes: RevocationOutcome[]): RevocationSummary | null {
  if (outcomes.length === 0) return null;
  const accepted = outcomes.filter((outcome) => !outcome.refusedOnNextRequest);
  if (accepted.length > 0) {
    const why = accepted.find((outcome) => outcome.note)?.note ?? null;
    return { refused: false, text: `still accepted after ${accepted.map((o) => o.event).join(", ")}`, detail: why };
  }
  const p99s = outcomes.flatMap((outcome) => (outcome.otherInstanceP99Ms === null ? [] : [outcome.otherInstanceP99Ms]));
  const never = outcomes.reduce((sum, outcome) => sum + outcome.otherInstanceNeverRefused, 0);
  const parts = [];
  if (p99s.length > 0) parts.push(`other instance: p99 ≤ ${formatMs(Math.max(...p99s))}`);
  if (never > 0) parts.push(`other instance never refused ${never} sample${never === 1 ? "" : "s"} while polled`);
  return { refused: true, text: "refused on the next request", detail: parts.length > 0 ? parts.join("; ") : null };
}

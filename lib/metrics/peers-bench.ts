import { z } from "zod";
import { outcomeCell, ratioToOpen } from "./peer-outcome.ts";
import { describeWhere } from "./session-cache-bench.ts";

/**
 * docs/bench/peers.json (`npm run bench:peers`) as /compare's peers block: each configuration of
 * ours, Better Auth and Auth.js measured in one interleaved sitting, its req/s, the ratio to its
 * own app's uncredentialed route, and what a credential copied before sign-out still got. Pure.
 */

export interface PeerFigures {
  key: string;
  label: string;
  ours: boolean;
  authRps: number | null;
  /** authRps ÷ the same app's uncredentialed route: each app against itself. */
  ratio: number | null;
  /** "refused at once", "accepted for ≤ 5 min (cookieCache.maxAge)"; null: not measured. */
  signedOut: string | null;
  refused: boolean | null;
  /** Why the row has no figures (a peer that could not be built). */
  error: string | null;
}

export interface PeersBench {
  where: string;
  finishedAt: string;
  trial: boolean;
  /** "better-auth 1.7.29, next-auth 5.0.0-beta.32": the versions measured. */
  versions: string;
  rows: PeerFigures[];
}

const outcome = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("refused") }),
  z.object({ kind: z.literal("accepted"), forSeconds: z.number().nullable(), why: z.string() }),
  z.object({ kind: z.literal("unknown"), why: z.string() }),
]);

const peersResult = z.object({
  kind: z.literal("bench:peers"),
  finishedAt: z.string(),
  machine: z.object({ cores: z.number(), cpu: z.string(), database: z.string(), fleet: z.object({ instances: z.number() }).nullable() }),
  versions: z.record(z.string(), z.record(z.string(), z.string())),
  settings: z.object({ short: z.boolean().optional() }).optional(),
  rows: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      authRps: z.number().nullable(),
      openRps: z.number().nullable(),
      revocation: outcome.nullable(),
      error: z.string().optional(),
    }),
  ),
});

/** The libraries each peer app was built with, named by their own package. */
const LIBRARIES = ["better-auth", "next-auth"];

export function peersBench(json: unknown): PeersBench | null {
  const parsed = peersResult.safeParse(json);
  if (!parsed.success || parsed.data.rows.length === 0) return null;
  const { machine, finishedAt, settings, versions, rows } = parsed.data;
  const named = Object.values(versions).flatMap((app) => LIBRARIES.flatMap((library) => (app[library] ? [`${library} ${app[library]}`] : [])));
  return {
    where: describeWhere(machine),
    finishedAt,
    trial: settings?.short === true,
    versions: named.join(", "),
    rows: rows.map((row) => ({
      key: row.key,
      label: row.label,
      ours: row.key.startsWith("ours"),
      authRps: row.authRps,
      ratio: ratioToOpen(row),
      signedOut: row.revocation ? outcomeCell(row.revocation) : null,
      refused: row.revocation ? row.revocation.kind === "refused" : null,
      error: row.error ?? null,
    })),
  };
}

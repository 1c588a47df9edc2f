import { z } from "zod";

/**
 * How fast a revocation reaches every instance, as `npm run bench:http` measured it with a fleet
 * (docs/bench/http-*-fleet.json): for a logout on one instance, the p99 time until the other
 * instance refused the same credential too. Pure: the loader reads the file, this reads its
 * contents; anything that does not look like a fleet bench result is null, never guessed at.
 */

const lag = z.object({ p99Ms: z.number().nullable(), samples: z.number().int(), neverRefused: z.number().int() });
const fleetBench = z.object({
  kind: z.literal("bench:http"),
  finishedAt: z.string(),
  machine: z.object({ cores: z.number(), cpu: z.string(), database: z.string(), fleet: z.object({ instances: z.number() }) }),
  revocation: z.array(z.object({ label: z.string(), lag: lag.nullable().optional() })),
});

export interface ReachFigure {
  /** The configuration the bench measured, as its label says it. */
  measured: string;
  p99Ms: number | null;
  samples: number;
  neverRefused: number;
}

export interface FleetReach {
  finishedAt: string;
  machine: string;
  session: ReachFigure | null;
  jwt: ReachFigure | null;
}

function logoutOf(entries: z.infer<typeof fleetBench>["revocation"], label: RegExp): ReachFigure | null {
  const entry = entries.find((candidate) => label.test(candidate.label) && candidate.lag);
  if (!entry?.lag) return null;
  return { measured: entry.label.replace(/: logout$/, ""), ...entry.lag };
}

/** The session figure for the running SESSION_CACHE (else any the bench has); JWT with its denylist on. */
export function fleetRevocationReach(json: unknown, sessionCache: string): FleetReach | null {
  const parsed = fleetBench.safeParse(json);
  if (!parsed.success) return null;
  const { finishedAt, machine, revocation } = parsed.data;
  const escaped = sessionCache.replace(/\W/g, "");
  const session = logoutOf(revocation, new RegExp(`^session \\(SESSION_CACHE=${escaped}\\): logout$`)) ?? logoutOf(revocation, /^session \(SESSION_CACHE=\w+\): logout$/);
  const jwt = logoutOf(revocation, new RegExp(`^JWT \\(denylist, \\w+, SESSION_CACHE=${escaped}\\): logout$`)) ?? logoutOf(revocation, /^JWT \(denylist, \w+, SESSION_CACHE=\w+\): logout$/);
  if (!session && !jwt) return null;
  return { finishedAt, machine: `${machine.database}, fleet of ${machine.fleet.instances}, ${machine.cores} cores (${machine.cpu})`, session, jwt };
}

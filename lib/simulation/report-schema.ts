import { z } from "zod";
import { BenchFormatError } from "../capacity/bench-files.ts";

/**
 * docs/bench/simulation.json as /scale reads it (`npm run simulate` writes it: lib/simulation/run.ts),
 * validated like the bench results: a format the page cannot read is named, not guessed at.
 */

const lag = z.object({ revocations: z.number().int(), p50Ms: z.number(), p99Ms: z.number(), maxMs: z.number() });
const fleetResult = z.object({
  logins: z.number().int(),
  events: z.number().int(),
  requests: z.number().int(),
  staleAnswers: z.number().int(),
  staleShare: z.number(),
  hitRatio: z.object({ simulated: z.number(), model: z.number() }),
  lag,
  restart: z.object({ at: z.number(), steadyReadsPerSecond: z.number(), peakReadsPerSecond: z.number(), secondsToSteady: z.number().nullable(), series: z.object({ from: z.number(), readsPerSecond: z.array(z.number()) }) }),
  drop: z.object({ steadyReadsPerSecond: z.number(), readsPerSecondWhileDown: z.number() }),
  dbReadsPerSecondFleet: z.number(),
});

const simulationReport = z.object({
  kind: z.literal("simulate"),
  seed: z.number().int(),
  delivery: z.object({ fit: z.object({ mu: z.number(), sigma: z.number() }), from: z.string(), perDeliveryMs: z.number() }),
  check: z.object({ measured: z.object({ p50Ms: z.number(), p99Ms: z.number() }), simulated: z.object({ p50Ms: z.number(), p99Ms: z.number() }), errorPercent: z.object({ p50: z.number(), p99: z.number() }) }),
  fleets: z.array(z.object({ instances: z.number().int(), push: fleetResult, cookie: fleetResult })),
  unnoticedDrop: z.object({ instances: z.number().int(), push: fleetResult }),
});
export type SimulationFile = z.output<typeof simulationReport>;

export function parseSimulationFile(contents: unknown): SimulationFile {
  const parsed = simulationReport.safeParse(contents);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  throw new BenchFormatError("simulation.json", `${first.path.join(".") || "(top level)"}: ${first.message}`);
}

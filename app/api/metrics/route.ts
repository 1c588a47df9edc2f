import { authMetricsSince, authMetricsSnapshot } from "@/lib/metrics/auth-metrics";
import { json, apiRoute } from "@/lib/http/json";
import { refuseOtherMethods } from "@/lib/http/method-refusal";

/** What the groups in `modes` mean, for a reader of the raw JSON. */
const NOTES = {
  visitors: "accepted checks of everyone but the labs",
  labs: "accepted checks by the labs' throwaway users (real requests to this server), kept out of the visitors' figures",
  cold: "no cache answered: the mode's full check, with its database read where it makes one (queriesPerCheck says)",
  warm: "a cache answered the check without the database",
  rejected: "refused checks, visitors' and labs' together (a refusal names no user); in no figure",
  latencyMicros: "whole microseconds, nearest-rank percentiles over the latest `inFigures` of `samples` checks",
};

/** Rolling per-mode figures of the authoritative auth checks this process has made. */
export const GET = apiRoute(async () => json({ since: authMetricsSince().toISOString(), notes: NOTES, modes: authMetricsSnapshot() }, { indented: true }));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = refuseOtherMethods(["GET"]);

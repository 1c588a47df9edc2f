import { authMetricsSince, authMetricsSnapshot } from "@/lib/metrics/auth-metrics";
import { json, withErrorBoundary } from "@/lib/http/json";

/** Rolling per-mode figures of the authoritative auth checks this process has made. */
export const GET = withErrorBoundary(async () => json({ since: authMetricsSince().toISOString(), modes: authMetricsSnapshot() }));

import { authMetricsSnapshot } from "@/lib/metrics/auth-metrics";
import { json, withErrorBoundary } from "@/lib/http/json";

/** Rolling per-mode figures of the authoritative auth checks this process has made. */
export const GET = withErrorBoundary(async () => json({ since: processStartedAt, modes: authMetricsSnapshot() }));

const processStartedAt = new Date(Date.now() - process.uptime() * 1000).toISOString();

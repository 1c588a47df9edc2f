/** Runs once when the server starts (Next's instrumentation hook), before any request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigAtStartup } = await import("./lib/startup.ts");
  checkConfigAtStartup();
  // The labs hook into the core through the seam it owns (lib/core-hooks.ts), never the reverse.
  const { registerLabHooks } = await import("./lib/labs/core-hooks.ts");
  registerLabHooks();
  // Before the first request: throttles count per socket address when no proxy is trusted.
  const { stampPeerAddresses } = await import("./lib/http/peer-address.ts");
  stampPeerAddresses();
  // Prometheus counters from the first query on, not from the first scrape or auth check.
  const { startPrometheusMetrics } = await import("./lib/metrics/prometheus.ts");
  startPrometheusMetrics();
  // Expired rows are deleted in the background (SWEEP_INTERVAL_SECONDS; one instance at a time).
  const { startExpirySweeper } = await import("./lib/sweep/schedule.ts");
  startExpirySweeper();
  const { warmUpPasswordTiming } = await import("./lib/auth/methods/password/hash.ts");
  await warmUpPasswordTiming();
  const { warmUpStrengthCheck } = await import("./lib/register/password-strength.ts");
  warmUpStrengthCheck();
}

/** Runs once when the server starts (Next's instrumentation hook), before any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigAtStartup } = await import("./lib/startup.ts");
  checkConfigAtStartup();
  // Before the first request: throttles count per socket address when no proxy is trusted.
  const { stampPeerAddresses } = await import("./lib/http/peer-address.ts");
  stampPeerAddresses();
  // Prometheus counters from the first query on, not from the first scrape or auth check.
  const { startPrometheusMetrics } = await import("./lib/metrics/prometheus.ts");
  startPrometheusMetrics();
  const { warmUpPasswordTiming } = await import("./lib/auth/methods/password/hash.ts");
  await warmUpPasswordTiming();
  const { warmUpStrengthCheck } = await import("./lib/register/password-strength.ts");
  warmUpStrengthCheck();
}

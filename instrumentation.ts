/** Runs once when the server starts (Next's instrumentation hook), before any request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkConfigAtStartup } = await import("./lib/startup.ts");
  checkConfigAtStartup();
  // Prometheus counters from the first query on, not from the first scrape or auth check.
  const { startPrometheusMetrics } = await import("./lib/metrics/prometheus.ts");
  startPrometheusMetrics();
  const { warmUpPasswordTiming } = await import("./lib/password.ts");
  await warmUpPasswordTiming();
  const { warmUpStrengthCheck } = await import("./lib/register/password-strength.ts");
  warmUpStrengthCheck();
}

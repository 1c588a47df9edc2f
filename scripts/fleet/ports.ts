/**
 * The ports a fleet of `size` instances takes, counted from its PORT: the balancer (PORT), the
 * instances (PORT+1 … PORT+size) and HAProxy's own metrics (PORT+size+1). Whoever starts two
 * fleets side by side (bench:http --fleet) spaces them by this, or the second balancer shares
 * the first one's metrics port (HAProxy binds with SO_REUSEPORT, so neither start fails: the
 * kernel splits connections between them, and some requests meet the metrics page's 503).
 */
export function fleetPortSpan(size: number): number {
  return size + 2;
}

export function fleetStatsPort(port: number, size: number): number {
  return port + size + 1;
}

import type { Config } from "../env.ts";
import { addressedOrigin } from "./proxy-trust.ts";
import { refusalPage } from "./refusal-page.ts";
import { jsonError } from "./responses.ts";

/**
 * Which names this server answers to: the loopback names and its configured origins. DNS
 * rebinding is the reason: only the Host header gives a re-pointed name away (docs/SECURITY.md,
 * 'Reaching the server'). Pure and free of Next, so a route layer could call it too.
 */

/** Loopback names, any port. `localhost` resolves locally in browsers, so no DNS can re-point it. */
const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

export interface HostPolicy {
  /** `host[:port]` values (lower case) besides loopback; a default port is accepted with and without. */
  hosts: ReadonlySet<string>;
  /** TRUST_PROXY: behind that many proxies the host a client addressed is in X-Forwarded-Host. */
  trustedHops: number;
}

/** The Host header values under which `origins` (bare origins, as lib/env.ts validates them) are reached. */
export function hostPolicy(origins: readonly string[], trustedHops: number): HostPolicy {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const url = new URL(origin);
    hosts.add(url.host.toLowerCase());
    // A client may spell out the default port ("example.com:443"); URL drops it.
    if (url.port === "") hosts.add(`${url.hostname.toLowerCase()}:${url.protocol === "https:" ? 443 : 80}`);
  }
  return { hosts, trustedHops };
}

const policies = new WeakMap<Config, HostPolicy>();

/**
 * This server's own names: PUBLIC_ORIGINS, and the origins it is told it runs at (the labs'
 * LABS_ORIGIN, a fleet's instances and balancer) — a request to any of them names this server.
 * Derived once per parsed configuration.
 */
export function configuredHostPolicy(config: Config): HostPolicy {
  let policy = policies.get(config);
  if (!policy) {
    const own = [config.LABS_ORIGIN, config.FLEET_BALANCER_URL, ...config.FLEET_INSTANCES].filter((origin): origin is string => origin !== undefined);
    policy = hostPolicy([...config.PUBLIC_ORIGINS, ...own.map((origin) => new URL(origin).origin)], config.TRUST_PROXY);
    policies.set(config, policy);
  }
  return policy;
}

/**
 * null when there is no Host at all: HTTP/1.0 health checks (HAProxy's `option httpchk`) send
 * none, and a browser always sends one, so a request without it cannot be a rebinding page's.
 */
export function isAllowedHost(host: string | null, policy: HostPolicy): boolean {
  if (host === null || host === "") return true;
  return LOOPBACK_HOST.test(host) || policy.hosts.has(host.toLowerCase());
}

/**
 * A 421 Misdirected Request (RFC 9110 §15.5.20: this server will not answer for that
 * authority) when the addressed host is not allowed; null to let the request through. `json`
 * for the API's error envelope, otherwise a small HTML page.
 */
export function refuseMisaddressedRequest(headers: Headers, policy: HostPolicy, format: "json" | "html"): Response | null {
  const { host } = addressedOrigin(headers, policy.trustedHops);
  if (isAllowedHost(host, policy)) return null;
  const explanation =
    "This server answers only to localhost, 127.0.0.1, [::1] and the origins in its PUBLIC_ORIGINS setting. " +
    "A request naming another host is refused, so a page on another domain pointed at this server (DNS rebinding) cannot use it.";
  if (format === "json") return jsonError(421, "host_not_allowed", explanation);
  return refusalPage(421, "This host name is not served here", [explanation, "Open the app at http://localhost on the machine that runs it, or ask its operator to add this origin to PUBLIC_ORIGINS."]);
}

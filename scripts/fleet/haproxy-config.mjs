// The balancer's configuration, as a value: round robin, no stickiness, health-checked.
// Kept apart from the process juggling in fleet.mjs so a unit test can read what it says.

/**
 * @param {{ port: number, instances: { name: string, port: number }[] }} fleet
 * @returns {string} an haproxy.cfg
 */
export function haproxyConfig({ port, instances }) {
  const servers = instances.map(({ name, port: instancePort }) => `  server ${name} 127.0.0.1:${instancePort} check inter 2s fall 2 rise 1`);
  return [
    "global",
    "  maxconn 4096",
    "defaults",
    "  mode http",
    "  timeout connect 2s",
    "  timeout client 60s",
    "  timeout server 60s",
    "frontend web",
    `  bind :::${port} v4v6`,
    // The instances trust exactly one hop (TRUST_PROXY=1): this one. Whatever X-Forwarded-For a
    // client sent is replaced, not appended to, so the client cannot choose its own address.
    "  http-request del-header X-Forwarded-For",
    "  option forwardfor",
    "  http-request set-header X-Forwarded-Proto https if { ssl_fc }",
    "  http-request set-header X-Forwarded-Proto http if !{ ssl_fc }",
    "  default_backend app",
    "backend app",
    // Round robin and no cookie: consecutive requests of one browser land on different
    // instances, which is the point — nothing may depend on which one answers.
    "  balance roundrobin",
    "  option httpchk GET /api/health",
    "  http-check expect status 200",
    // Which instance answered, on every response through the balancer (%s: the server's name).
    "  http-response set-header X-Instance %s",
    ...servers,
    "",
  ].join("\n");
}
